extension Setting {
    public static let hubSpotClientID = Setting("HUBSPOT_CLIENT_ID", default: nil, "HubSpot app client id (required with HUBSPOT_REFRESH_TOKEN).")
    public static let hubSpotClientSecret = Setting("HUBSPOT_CLIENT_SECRET", default: nil, "HubSpot app client secret (required with HUBSPOT_REFRESH_TOKEN).", secret: true)
    public static let hubSpotRefreshToken = Setting(
        "HUBSPOT_REFRESH_TOKEN", default: nil,
        "HubSpot OAuth refresh token: when set, HubSpot is reached with OAuth (HUBSPOT_ACCESS_TOKEN becomes an optional first access token) and tokens are refreshed and kept in the ledger, sealed.",
        secret: true
    )
    public static let hubSpotTokenURL = Setting("HUBSPOT_TOKEN_URL", default: "https://api.hubapi.com/oauth/v1/token", "HubSpot OAuth token endpoint.")
    public static let salesforceClientID = Setting("SALESFORCE_CLIENT_ID", default: nil, "Salesforce connected app consumer key (required with SALESFORCE_REFRESH_TOKEN).")
    public static let salesforceClientSecret = Setting("SALESFORCE_CLIENT_SECRET", default: nil, "Salesforce connected app consumer secret (required with SALESFORCE_REFRESH_TOKEN).", secret: true)
    public static let salesforceRefreshToken = Setting(
        "SALESFORCE_REFRESH_TOKEN", default: nil,
        "Salesforce OAuth refresh token: when set, SALESFORCE_ACCESS_TOKEN becomes optional and the session is refreshed when Salesforce answers 401.",
        secret: true
    )
    public static let salesforceTokenURL = Setting("SALESFORCE_TOKEN_URL", default: nil, "Salesforce OAuth token endpoint. Default: <SALESFORCE_INSTANCE_URL>/services/oauth2/token.")
    public static let pipedriveClientID = Setting("PIPEDRIVE_CLIENT_ID", default: nil, "Pipedrive app client id (required with PIPEDRIVE_REFRESH_TOKEN).")
    public static let pipedriveClientSecret = Setting("PIPEDRIVE_CLIENT_SECRET", default: nil, "Pipedrive app client secret (required with PIPEDRIVE_REFRESH_TOKEN).", secret: true)
    public static let pipedriveRefreshToken = Setting(
        "PIPEDRIVE_REFRESH_TOKEN", default: nil,
        "Pipedrive OAuth refresh token: when set, Pipedrive is reached with OAuth bearer tokens instead of PIPEDRIVE_API_TOKEN; each refresh's new refresh token is kept in the ledger, sealed.",
        secret: true
    )
    public static let pipedriveTokenURL = Setting("PIPEDRIVE_TOKEN_URL", default: "https://oauth.pipedrive.com/oauth/token", "Pipedrive OAuth token endpoint.")

    /// The OAuth settings of the three CRMs, in the order `--help` lists them.
    public static let crmOAuth: [Setting] = [
        .hubSpotClientID, .hubSpotClientSecret, .hubSpotRefreshToken, .hubSpotTokenURL,
        .salesforceClientID, .salesforceClientSecret, .salesforceRefreshToken, .salesforceTokenURL,
        .pipedriveClientID, .pipedriveClientSecret, .pipedriveRefreshToken, .pipedriveTokenURL,
    ]
}
