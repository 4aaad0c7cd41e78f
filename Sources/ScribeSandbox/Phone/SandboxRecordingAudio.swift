/// The audio the sandbox phone system serves for a recording: a tiny MP3 (an ID3v2 tag naming the
/// recording, then silent MPEG-1 Layer III frames), different for each recording so a test can
/// tell that the right one arrived.
public enum SandboxRecordingAudio {
    public static let contentType = "audio/mpeg"

    /// The bytes of recording `id`.
    public static func bytes(recordingID id: String) -> [UInt8] {
        let title = Array("Recording \(id)".utf8)
        // A TIT2 (title) frame: id, size, flags, text encoding 3 (UTF-8), the text.
        let frame = Array("TIT2".utf8) + self.bigEndian(title.count + 1) + [0, 0, 3] + title
        // ID3v2.4 header: "ID3", version 4.0, no flags, the tag size as a synchsafe integer.
        let header = Array("ID3".utf8) + [4, 0, 0] + self.synchsafe(frame.count)
        // Frame header FF FB 90 64: MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, a 417-byte frame.
        let silentFrame = [0xFF, 0xFB, 0x90, 0x64] + [UInt8](repeating: 0, count: 413)
        return header + frame + Array([[UInt8]](repeating: silentFrame, count: 8).joined())
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }

    private static func synchsafe(_ value: Int) -> [UInt8] {
        [21, 14, 7, 0].map { UInt8((value >> $0) & 0x7F) }
    }
}
