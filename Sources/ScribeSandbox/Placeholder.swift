enum _ScribeSandboxPlaceholder {}
