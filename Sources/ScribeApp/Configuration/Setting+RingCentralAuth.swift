extension Setting {
    public static let ringCentralAuth = Setting(
        "RINGCENTRAL_AUTH", default: "jwt",
        "How Callscribe signs in to RingCentral: jwt (RINGCENTRAL_JWT) or authorization_code (an admin connects at <public URL>/ringcentral/connect; the token pair is kept in the ledger, sealed)."
    )
}
