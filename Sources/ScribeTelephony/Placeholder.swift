enum _ScribeTelephonyPlaceholder {}
