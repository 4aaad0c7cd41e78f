enum _ScribeTestSupportPlaceholder {}
