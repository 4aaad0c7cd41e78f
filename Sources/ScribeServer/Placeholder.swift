enum _ScribeServerPlaceholder {}
