/// How far a backfill has come, reported after every page and while it waits out a rate limit.
public struct BackfillProgress: Sendable, Hashable {
    public var pagesRead = 0
    public var recordsRead = 0
    /// Distinct calls in the records read so far.
    public var callsFound = 0
    /// Of those, the calls the ledger had not heard of.
    public var newCalls = 0
    /// The share of the time range read, from 0 to 1. RingCentral lists newest first and announces
    /// no total, so this is how far back the oldest record read so far reaches.
    public var fractionDone: Double = 0
    /// Set while a request is to be made again: the seconds being waited first.
    public var waitingSeconds: Double?
    /// Why it waits: true when RingCentral asked us to slow down (a rate limit), false when it was unreachable or failing.
    public var rateLimited = false

    public init() {}
}
