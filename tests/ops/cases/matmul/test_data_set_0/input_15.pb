Bc7_in1J
’ ¿A!t?ƒa«½¥”œ? uL¾