
Bc3_in0J
4ÿ?Ã¾e¦Gº