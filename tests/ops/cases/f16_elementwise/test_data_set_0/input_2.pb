
Bc1_in0Jý7e¹h&a³‘½¾