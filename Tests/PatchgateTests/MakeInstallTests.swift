import Foundation
import Testing

/// `make install` copies the release binary to $(PREFIX)/bin. The test points RELEASE_BIN at a
/// fresh copy of the binary under test, newer than the sources, so that no release build runs.
struct MakeInstallTests {
    @Test func installCopiesTheBinaryUnderThePrefix() throws {
        let directory = try TestSupport.temporaryDirectory()
        let prefix = directory.appendingPathComponent("prefix with space")
        let built = directory.appendingPathComponent("patchgate")
        try FileManager.default.copyItem(at: TestSupport.binary, to: built)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: built.path)
        let make = try TestSupport.runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                              ["make", "-C", TestSupport.repositoryRoot.path, "install", "PREFIX=\(prefix.path)",
                                               "RELEASE_BIN=\(built.path)"], timeout: 60)
        #expect(make.status == 0, "\(make.stdout)\(make.stderr)")
        #expect(!make.stdout.contains("swift build"), "\(make.stdout)")
        let installed = prefix.appendingPathComponent("bin/patchgate")
        let version = try TestSupport.runProcess(installed, ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == (try TestSupport.run(["--version"])).stdout)
    }

    @Test func readmeStatesTheToolchainAndTheInstallStep() throws {
        let readme = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("Swift 6 toolchain"))
        #expect(readme.contains("make install PREFIX="))
        #expect(readme.contains("fetch-depth: 0"))
    }
}
