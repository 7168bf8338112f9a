import SDPLintInput

extension FormatCommand {
    /// Checks (`rewrite` false) or rewrites in place (`rewrite` true) every SDP file the
    /// arguments name, as `gofmt -l` and `gofmt -w` do; a directory stands for its `.sdp` and
    /// `.sdpfrag` files. A file is rewritten only when its canonical form differs, and
    /// atomically: a temporary file beside it is renamed over it, so an interrupted run leaves
    /// the old file or the new one, never half of one.
    ///
    /// - Returns: ``ExitStatus/findings`` when a checked file is not in canonical form or a file
    ///   has errors (which are reported, and the file is left alone); ``ExitStatus/failure``
    ///   when a file cannot be read or written, or is not SDP.
    public func run(files arguments: [String], rewrite: Bool, output: some CommandOutput) -> ExitStatus {
        var status = ExitStatus.success
        for item in Inputs.expand(arguments) {
            let input: Inputs.Item
            switch item {
            case .failure(let problem):
                output.report("sdplint: \(problem.path): \(problem.message)")
                status = status.combined(with: .failure)
                continue
            case .success(let found):
                input = found
            }
            let lowered = input.path.lowercased()
            // A directory's other files (JSON, captures) are not SDP to rewrite.
            guard arguments.contains(input.path) || lowered.hasSuffix(".sdp") || lowered.hasSuffix(".sdpfrag") else {
                continue
            }
            guard let file = input.file else {
                output.report("sdplint: <stdin>: --check and --write take files; format - prints the result")
                status = status.combined(with: .failure)
                continue
            }
            let bytes: [UInt8]
            do throws(InputError) {
                bytes = try InputReader.bytes(file: file, name: input.path, maxBytes: maxBytes)
            } catch {
                output.report("sdplint: \(error)")
                status = status.combined(with: .failure)
                continue
            }
            let document = InputReader.read(bytes, name: input.path, kind: kind, options: configuration.readOptions)
            guard document.kind == .sdp || document.kind == .sdpfrag, !document.compressed else {
                output.report("sdplint: \(input.path): \(document.format): --check and --write rewrite SDP files only")
                status = status.combined(with: .failure)
                continue
            }
            let (text, problems) = Self.formatted(document)
            guard let text else {
                output.report(findingsOf: problems)
                status = status.combined(with: .findings)
                continue
            }
            guard Array(text.utf8) != bytes else { continue }
            guard rewrite else {
                output.write(input.path + "\n")
                status = status.combined(with: .findings)
                continue
            }
            do throws(AtomicFile.Failure) {
                let rewritten = try AtomicFile(replacing: file)
                try rewritten.write(text.utf8)
                try rewritten.commit()
                output.write("formatted \(input.path)\n")
            } catch {
                output.report("sdplint: \(input.path): could not be written: \(error.reason)")
                status = status.combined(with: .failure)
            }
        }
        return status
    }
}
