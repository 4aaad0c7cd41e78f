import ScribeTelephony

extension Setting {
    public static let subscriptionScope = Setting(
        "RINGCENTRAL_SUBSCRIPTION_SCOPE", default: "account",
        "account: one account-level telephony-sessions filter (every extension, now and later); extensions: one filter per enabled user extension, kept in step with the extension list at each subscription check."
    )
}
