
Bc2_out0Jß?Ç4ÊAbA…@O<æ9