"""What each operation of the engine looks like on paper: its ``Op`` record.

Every op of ``engine.py`` carries an ``@op(...)`` line right above the code that computes it:
its symbol, the forward and local-derivative formulas as templates, the rule that explains the
local derivative, the catalog key of its "why" sentence, its LaTeX name, the domain an exercise
may sample (function ops), and — for the ops whose inputs have roles — how to read them. The
teaching rooms read this record; none of them compares an op's name.

Templates: ``{x}`` is the input of a one-input op, ``{a}`` and ``{b}`` the inputs of a two-input
op, ``{out}`` the node itself, ``{n}`` a constant exponent (with ``{pow_n}``/``{pow_n1}`` its
superscripts ⁿ and ⁿ⁻¹), ``{terms}``/``{partner}`` the products and the other factor of a
weighted sum. ``teach.naming`` fills them with the nodes' names.

Imports: notation only (the library's number and index writing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, NamedTuple, Sequence

from micrograd_cn.notation import atom, exponent, paren

if TYPE_CHECKING:
    from micrograd_cn.engine import Value

Fields = Callable[["Value", Sequence[str], "int | None"], dict]


class Op(NamedTuple):
    """An operation as a teacher writes it (see the module docstring)."""

    name: str  # the key stored in Value._op
    symbol: str  # the short sign drawn in graphs: "+", "×", "σ", ...
    forward: str  # the output as a formula of its inputs, e.g. "{a}·{b}"
    local: tuple[str, ...]  # ∂out/∂input, one template per input role (wsum: w, x, b)
    rule: str = ""  # why the local derivative is what it is, e.g. "σ′({x}) = {out}(1 − {out})"
    why: str = "why_custom"  # the catalog key of the sentence that explains the local derivative
    latex: str = ""  # a function's name in LaTeX (``\\exp``); "" for a sign or σ
    domain: Callable[[float], bool] | None = None  # a function op: inputs an exercise may use
    is_sum: bool = False  # its value adds up terms (a sum that is only rounding noise prints 0)
    fields: Fields | None = None  # extra template fields read from the node (x**n's n, wsum's terms)
    role: Callable[["Value", int], int] | None = None  # which local template an input position uses
    terms: Callable[["Value"], list[float]] | None = None  # the sizes of the terms of a sum
    shown_as: Callable[["Value"], str] | None = None  # the sign drawn for this node, when it varies
    # the slip students tend to make for each local template (teach.mistakes' keys): "other_factor"
    # (a product's own input for the other factor), "sigmoid_value" (σ(z) for σ′(z)), …; "" none
    slips: tuple[str, ...] = ()
    # the catalog key of the rule said at an input's value, when the rule has cases (ReLU: which
    # side of 0 the input is on, so the sentence reads "y = 2 > 0, so ReLU′(y) = 1")
    rule_at: Callable[[float], str] | None = None

    def role_of(self, node: Value, position: int) -> int:
        return self.role(node, position) if self.role else position

    def terms_of(self, node: Value) -> list[float]:
        return self.terms(node) if self.terms else [c.data for c in node._prev]


OPS: dict[str, Op] = {}


def op(name: str, symbol: str, forward: str, *local: str, **about: object) -> Callable:
    """Register an operation's formulas in OPS, right above the code that computes them."""
    OPS[name] = Op(name, symbol, forward, local, **about)  # type: ignore[arg-type]
    return lambda method: method


def function_ops() -> list[Op]:
    """The ops written as a function call, ``exp(x)``: the names an expression may call."""
    return [o for o in OPS.values() if o.domain is not None]


def custom_op(name: str, arity: int) -> Op:
    """How an op that is not in ``OPS`` (a user's own, written the micrograd way) is shown."""
    args = ", ".join(("{a}", "{b}")[:arity] if arity == 2 else ["{x}"] if arity == 1
                     else [f"{{in{i}}}" for i in range(arity)])
    if arity == 1:  # sin′(x): visibly the op's own slope
        return Op(name, name, f"{name}({args})", (f"{name}′({{x}})",))
    return Op(name, name, f"{name}({args})", tuple(f"∂{name}/∂{{in{i}}}" for i in range(arity)))


# ---------------------------------------------------------------- inputs with roles
def power_fields(node: Value, names: Sequence[str], position: int | None) -> dict:
    """``x ** n``'s constant exponent, for its templates."""
    n = node._arg
    return {} if n is None else {"n": paren(n), "pow_n": exponent(n), "pow_n1": exponent(n - 1)}


def power_sign(node: Value) -> str:
    """``x²`` for a square: the sign of a constant power names its exponent."""
    return "x" + exponent(node._arg) if node._arg is not None else "xⁿ"


def wsum_role(node: Value, position: int) -> int:
    """A weighted sum's inputs are w₁ … wₙ, x₁ … xₙ, b: one template each for w, x and b."""
    n = (len(node._prev) - 1) // 2
    return 0 if position < n else 1 if position < 2 * n else 2


def wsum_fields(node: Value, names: Sequence[str], position: int | None) -> dict:
    """The terms ``w₁·x₁ + … + b`` of the whole node, or the other factor of one input's term."""
    n = (len(names) - 1) // 2
    if position is None:
        terms = [f"{atom(names[i])}·{atom(names[n + i])}" for i in range(n)]
        bias = node._prev[-1]
        if bias._prev or bias.label or bias.data != 0.0:  # a constant 0 adds nothing to read
            terms.append(names[-1])
        return {"terms": " + ".join(terms)}
    if position < 2 * n:
        return {"partner": names[position + n if position < n else position - n]}
    return {}


def wsum_terms(node: Value) -> list[float]:
    """The sizes of a weighted sum's terms wₖxₖ and b."""
    n = (len(node._prev) - 1) // 2
    return [node._prev[i].data * node._prev[n + i].data for i in range(n)] + [node._prev[-1].data]
