enum _ScribeConnectorsPlaceholder {}
