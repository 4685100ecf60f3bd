"""my_micrograd: the small autodiff engine you write in the lab."""
