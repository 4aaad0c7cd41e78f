enum _ScribeAppPlaceholder {}
