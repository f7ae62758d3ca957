Bc2_out0JëAz¾Q!>ž w¿
b?zë*¿=Tu?‹DD¿