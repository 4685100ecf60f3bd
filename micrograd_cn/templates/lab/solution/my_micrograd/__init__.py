"""my_micrograd: a small autodiff engine, written in the lab."""
