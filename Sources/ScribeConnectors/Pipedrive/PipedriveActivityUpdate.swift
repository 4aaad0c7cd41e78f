import ScribeCore

/// The body of `PATCH /api/v2/activities/{id}`: the parts of a call activity the engine owns.
///
/// Participants (the person), due date and time, and `public_description` (the marker) are not
/// sent, so Pipedrive keeps them. The call's outcome is not the activity's: it goes with the call log
/// the activity becomes (``PipedriveCallLogInput``); here the result only says whether the call is done.
struct PipedriveActivityUpdate: Encodable, Sendable, Equatable {
    var subject: String
    /// The body, verbatim: Pipedrive renders it as HTML.
    var note: String
    var done: Bool
    /// `HH:MM`: a record created while the call lasted gets its length at hang-up.
    var duration: String

    init(entry: CallLogEntry) {
        self.subject = entry.subject
        self.note = entry.body
        self.done = !entry.inProgress
        self.duration = PipedriveActivityInput.duration(entry.duration)
    }
}
