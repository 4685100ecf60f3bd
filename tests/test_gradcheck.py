"""gradcheck: it passes exact gradients and catches a wrong one."""

from __future__ import annotations

import doctest
import importlib
import math

import pytest
from conftest import assert_clear_error

from micrograd_cn import Value
from micrograd_cn.gradcheck import ATOL, RTOL, agrees, backprop_grad, gradcheck, numerical_grad, numerical_grad_in_place


def test_agrees_with_known_derivatives():
    f = lambda a, b: (a * b).tanh() + a ** 3 / b  # noqa: E731
    a, b = 0.3, -1.2
    expected_a = (1 - math.tanh(a * b) ** 2) * b + 3 * a ** 2 / b
    expected_b = (1 - math.tanh(a * b) ** 2) * a - a ** 3 / b ** 2
    assert backprop_grad(f, [a, b]) == pytest.approx([expected_a, expected_b], rel=1e-14)
    assert numerical_grad(f, [a, b]) == pytest.approx([expected_a, expected_b], rel=1e-7)
    result = gradcheck(f, [a, b])
    assert result.ok
    assert result.max_abs_error < 1e-8
    assert [r.value for r in result.rows] == [a, b]


def test_catches_a_wrong_gradient():
    """A node whose recorded local derivative is wrong (off by a factor 2) is caught."""

    def wrong_square(x: Value) -> Value:
        out = x * x
        broken = Value(out.data, (x,), "bad")
        broken._local = (4 * x.data,)  # should be 2x

        def _backward() -> None:  # micrograd's way: the closure reads its output's grad
            x.grad += broken.grad * 4 * x.data

        broken._backward = _backward
        return broken

    result = gradcheck(wrong_square, [1.5])
    assert not result.ok
    assert result.max_abs_error == pytest.approx(3.0, rel=1e-6)
    assert "未通过" in result.report()
    assert "FAILED" in result.report("en")


def test_report_lists_every_input():
    report = gradcheck(lambda a, b, c: a * b + c, [1.0, 2.0, 3.0]).report("en")
    assert report.startswith("gradient check: largest absolute error")
    assert report.count("\nx") == 3


def test_function_must_return_a_value():
    with pytest.raises(TypeError, match="gradcheck：函数必须返回一个 Value，收到 float"):
        gradcheck(lambda a: 1.0, [1.0])


def test_the_pass_rule_is_atol_plus_rtol_times_numerical():
    assert (ATOL, RTOL) == (1e-6, 1e-5)
    assert agrees(0.0, 0.9e-6) and not agrees(0.0, 1.1e-6)  # near 0 only atol counts
    assert agrees(100.0, 100.001) and not agrees(100.0, 100.0012)  # 1e-6 + 1e-5·100
    assert not agrees(0.0, 0.9e-6, atol=0.5e-6)
    assert agrees(100.0, 100.0012, rtol=2e-5)
    # gradcheck applies the same rule with the tolerances it is given
    error = gradcheck(lambda a: a.tanh(), [0.3]).max_abs_error
    assert 0.0 < error < 1e-8
    assert gradcheck(lambda a: a.tanh(), [0.3], atol=error, rtol=0.0).ok
    assert not gradcheck(lambda a: a.tanh(), [0.3], atol=error / 2, rtol=0.0).ok


@pytest.mark.parametrize("h", [0.0, -1e-6, float("nan"), float("inf"), "1e-6"])
def test_step_must_be_a_positive_number(h):
    assert_clear_error(lambda: gradcheck(lambda a: a * a, [1.0], h=h), ValueError,
                       f"gradcheck：h 取值无效：{h!r}", f"gradcheck: invalid value for h: {h!r}")


def test_the_docstring_example_runs():
    module = importlib.import_module("micrograd_cn.gradcheck")  # the package re-exports the function
    failed, attempted = doctest.testmod(module)
    assert (failed, attempted) == (0, 1)


def test_in_place_differences_put_the_parameters_back():
    """For Values a model already holds: nudged one at a time, then restored exactly."""
    a, b = Value(0.3), Value(-1.2)
    grads = numerical_grad_in_place(lambda: (a * b).tanh() + a ** 3 / b, [a, b])
    assert grads == pytest.approx(backprop_grad(lambda a, b: (a * b).tanh() + a ** 3 / b,
                                                [0.3, -1.2]), rel=1e-7)
    assert (a.data, b.data) == (0.3, -1.2) and (a.grad, b.grad) == (0.0, 0.0)

    def broken() -> Value:
        if a.data != 0.3:
            raise ZeroDivisionError("on purpose")
        return a * b

    with pytest.raises(ZeroDivisionError):
        numerical_grad_in_place(broken, [a])
    assert a.data == 0.3  # restored even when the forward pass failed
    with pytest.raises(TypeError, match="gradcheck：函数必须返回一个 Value，收到 float"):
        numerical_grad_in_place(lambda: a.data * 2.0, [a])
    assert a.data == 0.3
