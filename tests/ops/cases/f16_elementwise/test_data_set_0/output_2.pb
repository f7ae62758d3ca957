
Bc2_out0JÜ.ÚD46eHZCV64: