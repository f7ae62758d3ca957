
Bc2_out0JŒ8õG9îF<Û9C