
Bc5_out0Ja<ï>W;¹³