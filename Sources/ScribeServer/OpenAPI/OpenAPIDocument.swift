/// The REST API described in OpenAPI 3.1, served at `/openapi.json`. Tests check that its paths and
/// methods are exactly the router's API routes and the test script validates it against the spec.
public enum OpenAPIDocument {
    public static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Callscribe API",
        "version": "1.0.0",
        "description": "Every call from the phone system logged into the CRM, once, with what happened and why. People sign in with a session cookie (send the X-CSRF-Token header with every change); machines send Authorization: Bearer <API token>. Errors are {\"error\": {\"code\", \"message\", \"field\"?}}."
      },
      "servers": [{"url": "/"}],
      "security": [{"session": []}, {"apiToken": []}],
      "paths": {
        "/health": {"get": {"operationId": "health", "summary": "Whether the server is up.", "security": [], "responses": {"200": {"description": "Up.", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}}}}}}},
        "/openapi.json": {"get": {"operationId": "openAPI", "summary": "This document.", "security": [], "responses": {"200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}}}},
        "/webhooks/ringcentral": {"post": {"operationId": "ringCentralWebhook", "summary": "RingCentral's deliveries: the Validation-Token handshake, then telephony session events and RingSense insights-ready events, carrying the Verification-Token.", "security": [],
          "parameters": [{"name": "Validation-Token", "in": "header", "required": false, "schema": {"type": "string"}}, {"name": "Verification-Token", "in": "header", "required": false, "schema": {"type": "string"}}],
          "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object"}}}},
          "responses": {"200": {"description": "Stored, or a duplicate acknowledged.", "content": {"application/json": {"schema": {"type": "object"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "413": {"$ref": "#/components/responses/BadRequest"}}}},
        "/recordings/{id}": {"get": {"operationId": "playRecording", "summary": "A call's recording, streamed from RingCentral: the link Callscribe writes into CRM records. Public; the signature is the permission, and a missing or wrong one answers 404 like an unknown recording. Links do not expire.", "security": [],
          "parameters": [{"$ref": "#/components/parameters/id"}, {"name": "sig", "in": "query", "required": true, "schema": {"type": "string"}, "description": "HMAC-SHA256 of the account and the recording, as written into the CRM record."}],
          "responses": {"200": {"description": "The audio, as RingCentral sends it (Cache-Control: private).", "content": {"audio/mpeg": {"schema": {"type": "string", "format": "binary"}}, "audio/wav": {"schema": {"type": "string", "format": "binary"}}}}, "404": {"$ref": "#/components/responses/NotFound"}, "502": {"description": "RingCentral failed or did not send audio.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "503": {"description": "RingCentral is rate-limiting Callscribe, or has not been reached yet; see Retry-After.", "headers": {"Retry-After": {"schema": {"type": "integer"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}},
        "/api/auth/login": {"post": {"operationId": "signIn", "summary": "Signs in; sets the session cookie and returns the CSRF token.", "security": [],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Credentials"}}}},
          "responses": {"200": {"description": "Signed in.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/auth/logout": {"post": {"operationId": "signOut", "summary": "Ends the session.", "responses": {"204": {"description": "Signed out."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
        "/api/me": {"get": {"operationId": "me", "summary": "Who is signed in, and the session's CSRF token.", "responses": {"200": {"description": "The caller.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Me"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/tokens": {
          "get": {"operationId": "listAPITokens", "summary": "The caller's API tokens (never the tokens themselves).", "responses": {"200": {"description": "Tokens.", "content": {"application/json": {"schema": {"type": "object", "properties": {"tokens": {"type": "array", "items": {"$ref": "#/components/schemas/APIToken"}}}}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
          "post": {"operationId": "createAPIToken", "summary": "Makes an API token acting as the caller; the token is shown only in this answer.",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 100}}}}}},
            "responses": {"201": {"description": "Made.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewAPIToken"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
        "/api/tokens/{id}": {"delete": {"operationId": "revokeAPIToken", "summary": "Revokes one of the caller's API tokens.", "parameters": [{"$ref": "#/components/parameters/id"}],
          "responses": {"204": {"description": "Revoked."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
        "/api/calls": {"get": {"operationId": "listCalls", "summary": "The call history the caller may see (their own calls; an admin's whole account), newest first.",
          "parameters": [
            {"name": "filter", "in": "query", "schema": {"type": "string", "enum": ["all", "unlogged", "pending", "failed", "logged", "skipped"]}},
            {"name": "search", "in": "query", "description": "Text in the contact's name or either number.", "schema": {"type": "string", "maxLength": 100}},
            {"name": "since", "in": "query", "description": "First day (YYYY-MM-DD, UTC) or an ISO 8601 time.", "schema": {"type": "string"}},
            {"name": "until", "in": "query", "description": "Last day included (YYYY-MM-DD, UTC).", "schema": {"type": "string"}},
            {"name": "extension", "in": "query", "description": "One extension's calls (admins).", "schema": {"type": "string"}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
          "responses": {"200": {"description": "Calls.", "content": {"application/json": {"schema": {"type": "object", "properties": {"calls": {"type": "array", "items": {"$ref": "#/components/schemas/CallLogSummary"}}}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/live": {"get": {"operationId": "listLiveCalls", "summary": "Calls in progress the caller is on (every extension's for an admin).",
          "responses": {"200": {"description": "Calls in progress.", "content": {"application/json": {"schema": {"type": "object", "properties": {"calls": {"type": "array", "items": {"$ref": "#/components/schemas/LiveCall"}}}}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/stream": {"get": {"operationId": "changeStream", "summary": "Server-sent events: a `change` event whenever a call or log of the caller's account changes.",
          "responses": {"200": {"description": "An event stream.", "content": {"text/event-stream": {"schema": {"type": "string"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/logs/{id}": {"get": {"operationId": "getCallLog", "summary": "One call log with its timeline (every decision and write, with the reason) and the contacts to choose among.", "parameters": [{"$ref": "#/components/parameters/id"}],
          "responses": {"200": {"description": "The log.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CallLogDetail"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
        "/api/logs/{id}/log": {"post": {"operationId": "logCall", "summary": "Logs the call now, by hand: notes, subject, disposition and the contact (an existing one, or a new one by name).", "parameters": [{"$ref": "#/components/parameters/id"}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ManualLog"}}}},
          "responses": {"202": {"description": "Queued; the log's state follows.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CallLogDetail"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
        "/api/logs/{id}/related": {"get": {"operationId": "listRelatedRecords", "summary": "The open deals (Salesforce: opportunities) of the call's contact, to attach a manual log to; empty while no contact is known.", "parameters": [{"$ref": "#/components/parameters/id"}, {"name": "contactId", "in": "query", "required": false, "description": "One of the call's candidate contacts, being chosen in the log form.", "schema": {"type": "string"}}],
          "responses": {"200": {"description": "The related records.", "content": {"application/json": {"schema": {"type": "object", "properties": {"relatedRecords": {"type": "array", "items": {"$ref": "#/components/schemas/RelatedRecord"}}}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "502": {"$ref": "#/components/responses/BadGateway"}}}},
        "/api/logs/{id}/fields": {"get": {"operationId": "listCustomFields", "summary": "The custom fields of the CRM's call records that a manual log may set (read from the CRM at most every five minutes).", "parameters": [{"$ref": "#/components/parameters/id"}],
          "responses": {"200": {"description": "The fields.", "content": {"application/json": {"schema": {"type": "object", "properties": {"customFields": {"type": "array", "items": {"$ref": "#/components/schemas/CustomField"}}}}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "502": {"$ref": "#/components/responses/BadGateway"}}}},
        "/api/logs/{id}/retry": {"post": {"operationId": "retryCallLog", "summary": "Runs a failed or skipped log again now.", "parameters": [{"$ref": "#/components/parameters/id"}],
          "responses": {"202": {"description": "Queued.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CallLogDetail"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
        "/api/calls/{session}/extensions/{extension}/notes": {"put": {"operationId": "saveNotes", "summary": "Saves notes on a call, live or ended, as they are typed; they are logged with the call.",
          "parameters": [{"name": "session", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "extension", "in": "path", "required": true, "schema": {"type": "string"}}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "maxLength": 100000}, "final": {"type": "boolean"}}}}}},
          "responses": {"200": {"description": "Saved; the logs that will carry the notes.", "content": {"application/json": {"schema": {"type": "object", "properties": {"logs": {"type": "array", "items": {"type": "string"}}}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
        "/api/settings": {
          "get": {"operationId": "getSettings", "summary": "The caller's settings: in force, chosen, and locked by the admin.", "responses": {"200": {"description": "Settings.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SettingsView"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
          "put": {"operationId": "saveSettings", "summary": "Changes the caller's own choices; a locked setting cannot be changed.",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PersonalSettings"}}}},
            "responses": {"200": {"description": "Saved.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SettingsView"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
        "/api/admin/settings": {
          "get": {"operationId": "getAccountSettings", "summary": "The account's policy (admins).", "responses": {"200": {"description": "Policy.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AccountSettings"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
          "put": {"operationId": "saveAccountSettings", "summary": "Replaces the account's policy: server-side logging, values and locks for everyone, blocked numbers, CRM owners (admins).",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AccountSettings"}}}},
            "responses": {"200": {"description": "Saved.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AccountSettings"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
        "/api/admin/users": {
          "get": {"operationId": "listUsers", "summary": "The account's people (admins).", "responses": {"200": {"description": "Users.", "content": {"application/json": {"schema": {"type": "object", "properties": {"users": {"type": "array", "items": {"$ref": "#/components/schemas/User"}}}}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
          "post": {"operationId": "createUser", "summary": "Adds a person who can sign in (admins).",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewUser"}}}},
            "responses": {"201": {"description": "Added.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
        "/api/admin/users/{id}": {
          "patch": {"operationId": "updateUser", "summary": "Changes a person's name, role or extension (admins); an empty extensionId takes the extension away. The account always keeps an admin.", "parameters": [{"$ref": "#/components/parameters/id"}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserChange"}}}},
            "responses": {"200": {"description": "Changed.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}},
          "delete": {"operationId": "removeUser", "summary": "Removes a person with their sessions, API tokens and settings (admins); their extension's calls stay. Admins cannot remove themselves.", "parameters": [{"$ref": "#/components/parameters/id"}],
            "responses": {"204": {"description": "Removed."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
        "/api/admin/users/{id}/password": {"put": {"operationId": "resetPassword", "summary": "Sets a person's password (admins); all their sessions end.", "parameters": [{"$ref": "#/components/parameters/id"}],
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["newPassword"], "properties": {"newPassword": {"type": "string", "minLength": 10}}}}}},
          "responses": {"204": {"description": "Set."}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
        "/api/me/password": {"put": {"operationId": "changePassword", "summary": "Changes the caller's password; their other sessions end.",
          "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["currentPassword", "newPassword"], "properties": {"currentPassword": {"type": "string"}, "newPassword": {"type": "string", "minLength": 10}}}}}},
          "responses": {"204": {"description": "Changed."}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
        "/api/extensions": {"get": {"operationId": "listExtensions", "summary": "The account's phone users.", "responses": {"200": {"description": "Extensions.", "content": {"application/json": {"schema": {"type": "object", "properties": {"extensions": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "extensionNumber": {"type": "string"}, "name": {"type": "string"}}}}}}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/connections": {"get": {"operationId": "listConnections", "summary": "The account's CRM connections, without credentials.", "responses": {"200": {"description": "Connections.", "content": {"application/json": {"schema": {"type": "object", "properties": {"connections": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "kind": {"type": "string"}, "baseUrl": {"type": "string"}}}}}}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/coverage": {"get": {"operationId": "coverage", "summary": "Call logs per UTC day by outcome (logged, pending, failed, skipped) with the reasons (admins).",
          "parameters": [{"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "until", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "The report.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CoverageReport"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
        "/api/backfill": {
          "get": {"operationId": "backfillStatus", "summary": "The backfill started from the web app: state and progress (admins).", "responses": {"200": {"description": "Status.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BackfillStatus"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}}},
          "post": {"operationId": "startBackfill", "summary": "Reads the phone system's call log for the days since…until and logs the calls that are missing, in the background (admins).",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["since"], "properties": {"since": {"type": "string", "format": "date"}, "until": {"type": "string", "format": "date"}}}}}},
            "responses": {"202": {"description": "Started.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BackfillStatus"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "403": {"$ref": "#/components/responses/Forbidden"}, "409": {"$ref": "#/components/responses/Conflict"}}}},
        "/api/contacts": {"get": {"operationId": "searchContacts", "summary": "CRM contacts with a phone number, for the log form's picker.", "parameters": [{"name": "phone", "in": "query", "required": true, "schema": {"type": "string"}}],
          "responses": {"200": {"description": "Contacts.", "content": {"application/json": {"schema": {"type": "object", "properties": {"contacts": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "502": {"$ref": "#/components/responses/BadGateway"}}}}
      },
      "components": {
        "securitySchemes": {
          "session": {"type": "apiKey", "in": "cookie", "name": "callscribe_session", "description": "From /login or /api/auth/login; changes also need the X-CSRF-Token header."},
          "apiToken": {"type": "http", "scheme": "bearer", "description": "An API token from POST /api/tokens."}
        },
        "parameters": {"id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}},
        "responses": {
          "BadRequest": {"description": "Bad input; the error names the field.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Unauthorized": {"description": "Not signed in, expired session, or a bad API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Forbidden": {"description": "Admins only, a locked setting, or a missing CSRF token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "NotFound": {"description": "No such thing that the caller can see.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "Conflict": {"description": "The request contradicts the log's state or the account's settings.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "BadGateway": {"description": "The CRM did not answer as expected.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"}}}}},
          "Credentials": {"type": "object", "required": ["email", "password"], "properties": {"email": {"type": "string"}, "password": {"type": "string"}}},
          "User": {"type": "object", "required": ["id", "email", "name", "role"], "properties": {"id": {"type": "string"}, "email": {"type": "string"}, "name": {"type": "string"}, "role": {"type": "string", "enum": ["agent", "admin"]}, "extensionId": {"type": "string"}}},
          "UserChange": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 200}, "role": {"type": "string", "enum": ["agent", "admin"]}, "extensionId": {"type": "string", "description": "Empty to take the extension away."}}},
          "NewUser": {"type": "object", "required": ["email", "name", "password"], "properties": {"email": {"type": "string"}, "name": {"type": "string"}, "password": {"type": "string", "minLength": 10}, "role": {"type": "string", "enum": ["agent", "admin"]}, "extensionId": {"type": "string"}}},
          "Me": {"type": "object", "required": ["user"], "properties": {"user": {"$ref": "#/components/schemas/User"}, "csrfToken": {"type": "string"}}},
          "APIToken": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "createdAt": {"type": "string", "format": "date-time"}}},
          "NewAPIToken": {"type": "object", "properties": {"token": {"type": "string"}, "record": {"$ref": "#/components/schemas/APIToken"}}},
          "CallLogSummary": {"type": "object", "properties": {
            "id": {"type": "string"}, "sessionId": {"type": "string"}, "extensionId": {"type": "string"}, "direction": {"type": "string", "enum": ["Inbound", "Outbound"]},
            "from": {"type": "string"}, "to": {"type": "string"}, "contact": {"type": "string"}, "startedAt": {"type": "string", "format": "date-time"},
            "durationSeconds": {"type": "integer"}, "inProgress": {"type": "boolean", "description": "The call is still going: its log was claimed when it was answered."}, "result": {"type": "string"}, "state": {"type": "string", "enum": ["observed", "waiting", "creating", "logged", "skipped", "failed"]},
            "explanation": {"type": "string"}, "crmRecordId": {"type": "string"}, "attempts": {"type": "integer"}, "note": {"type": "string"},
            "artifacts": {"type": "object", "additionalProperties": {"type": "string"}}}},
          "CallLogDetail": {"type": "object", "properties": {
            "log": {"$ref": "#/components/schemas/CallLogSummary"},
            "timeline": {"type": "array", "items": {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}, "message": {"type": "string"}}}},
            "candidates": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
            "personEdited": {"type": "boolean"}}},
          "LiveCall": {"type": "object", "properties": {"sessionId": {"type": "string"}, "extensionId": {"type": "string"}, "direction": {"type": "string"}, "counterpart": {"type": "string"}, "startedAt": {"type": "string", "format": "date-time"}, "answered": {"type": "boolean"}}},
          "ManualLog": {"type": "object", "properties": {"notes": {"type": "string", "maxLength": 100000}, "subject": {"type": "string", "maxLength": 255}, "disposition": {"type": "string", "maxLength": 255}, "contactId": {"type": "string"}, "newContactName": {"type": "string"}, "relatedRecordId": {"type": "string", "description": "One of the contact's open deals (GET /api/logs/{id}/related); set when the record is created, never changed after."},
            "customFields": {"type": "object", "maxProperties": 50, "additionalProperties": {"type": "string", "maxLength": 10000}, "description": "Values by field key (GET /api/logs/{id}/fields). A number field takes a number; a choice field takes an option's value or label. A value that does not fit is refused naming customFields.<key>."}}},
          "CustomField": {"type": "object", "required": ["key", "label", "kind", "options"], "properties": {"key": {"type": "string", "description": "The CRM's API name for the field."}, "label": {"type": "string"}, "kind": {"type": "string", "enum": ["text", "number", "choice"]}, "options": {"type": "array", "items": {"type": "object", "required": ["value", "label"], "properties": {"value": {"type": "string"}, "label": {"type": "string"}}}}}},
          "RelatedRecord": {"type": "object", "required": ["id", "kind", "name"], "properties": {"id": {"type": "string"}, "kind": {"type": "string", "description": "deal or opportunity; empty when only the id is known"}, "name": {"type": "string"}}},
          "PersonalSettings": {"type": "object", "properties": {
            "autoLog": {"type": "boolean"}, "popUpAfterCall": {"type": "boolean"}, "countdownSeconds": {"type": "integer", "minimum": 0, "maximum": 3600},
            "mode": {"type": "string", "enum": ["incremental", "all_at_once"]},
            "createWhen": {"type": "string", "enum": ["ended", "connected"], "description": "In incremental mode, create the record when the call ends or as soon as it is answered."},
            "loggedFields": {"type": "array", "items": {"type": "string", "enum": ["subject", "notes", "contact_number", "date_time", "duration", "result", "disposition", "recording_link", "ai_summary", "transcript", "call_journey", "agent", "session_id"]}},
            "dateFormat": {"type": "string", "maxLength": 64}, "timeZone": {"type": "string"}}},
          "OutcomeCounts": {"type": "object", "properties": {"total": {"type": "integer"}, "logged": {"type": "integer"}, "pending": {"type": "integer"}, "failed": {"type": "integer"}, "skipped": {"type": "integer"}, "loggable": {"type": "integer"}, "loggedPercent": {"type": ["number", "null"]}, "skipReasons": {"type": "object", "additionalProperties": {"type": "integer"}}, "failureCodes": {"type": "object", "additionalProperties": {"type": "integer"}}}},
          "CoverageReport": {"type": "object", "properties": {"since": {"type": "string", "format": "date"}, "until": {"type": "string", "format": "date"}, "totals": {"$ref": "#/components/schemas/OutcomeCounts"},
            "days": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/OutcomeCounts"}, {"type": "object", "properties": {"date": {"type": "string", "format": "date"}}}]}}}},
          "BackfillStatus": {"type": "object", "properties": {"state": {"type": "string", "enum": ["idle", "running", "done", "failed"]}, "fraction": {"type": "number"}, "message": {"type": "string"}, "report": {"type": "object"}}},
          "SettingName": {"type": "string", "enum": ["autoLog", "popUpAfterCall", "countdownSeconds", "mode", "createWhen", "loggedFields", "dateFormat", "timeZone"]},
          "SettingsView": {"type": "object", "properties": {"inForce": {"$ref": "#/components/schemas/PersonalSettings"}, "chosen": {"$ref": "#/components/schemas/PersonalSettings"}, "locked": {"type": "array", "items": {"$ref": "#/components/schemas/SettingName"}}, "serverLogging": {"type": "boolean"}}},
          "AccountSettings": {"type": "object", "properties": {
            "serverLogging": {"type": "boolean"}, "trial": {"type": "boolean", "description": "Only the admins' own calls are logged automatically."}, "defaults": {"$ref": "#/components/schemas/PersonalSettings"}, "locked": {"type": "array", "items": {"$ref": "#/components/schemas/SettingName"}},
            "blockedNumbers": {"type": "array", "items": {"type": "string"}}, "crmOwners": {"type": "object", "additionalProperties": {"type": "string"}, "description": "CRM user id by extension id."}}}
        }
      }
    }
    """#
}
