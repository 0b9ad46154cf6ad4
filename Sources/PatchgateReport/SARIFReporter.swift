import PatchgateRules
import PatchgateSource

/// SARIF 2.1.0 for code-scanning UIs. One run; each checked file is an artifact whose properties
/// carry its verdict; each finding is a result with its exact region (columns in Unicode code
/// points, as patchgate counts them), the verdict it forces, and a line-free fingerprint.
/// Suppressed findings stay, with an in-source suppression and its reason. Paths that could not
/// be read are the invocation's notifications: no rule looked at them.
public enum SARIFReporter {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public static func render(_ result: CheckResult) -> String {
        document(files: result.files.map(SARIFFile.init), inputErrors: result.inputErrors, ruleDocsBaseURL: result.ruleDocsBaseURL)
    }

    /// The whole log from files rendered one by one (in the run's order).
    public static func document(files: [SARIFFile], inputErrors: [InputError], ruleDocsBaseURL: String? = nil) -> String {
        let rules = SARIFRules(ids: Set(files.flatMap(\.ruleIDs)).sorted(), docsBaseURL: ruleDocsBaseURL)
        var json = JSONWriter()
        json.object { json in
            json.field("$schema", schema)
            json.field("version", "2.1.0")
            json.key("runs")
            json.array([files]) { json, files in
                json.object { json in runFields(files, rules: rules, inputErrors: inputErrors, into: &json) }
            }
        }
        return json.text + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private static func runFields(_ files: [SARIFFile], rules: SARIFRules, inputErrors: [InputError], into json: inout JSONWriter) {
        json.key("tool")
        json.object { json in
            json.key("driver")
            json.object { json in
                json.field("name", "patchgate")
                json.key("rules")
                rules.write(into: &json)
            }
        }
        json.key("invocations")
        json.array([inputErrors]) { json, errors in
            json.object { json in invocationFields(errors, into: &json) }
        }
        json.field("columnKind", "unicodeCodePoints")
        json.key("artifacts")
        json.array(files) { json, file in json.raw(file.artifact) }
        json.key("results")
        json.array(files.flatMap(\.results)) { json, result in json.raw(result) }
    }

    private static func invocationFields(_ errors: [InputError], into json: inout JSONWriter) {
        json.field("executionSuccessful", errors.isEmpty)
        json.key("toolExecutionNotifications")
        json.array(errors) { json, error in
            json.object { json in
                json.key("descriptor")
                json.object { $0.field("id", "input-error") }
                json.field("level", "error")
                json.key("message")
                json.object { $0.field("text", error.message) }
                json.key("locations")
                json.array([error.path]) { json, path in
                    json.object { json in
                        json.key("physicalLocation")
                        json.object { json in SARIFFile.artifactLocation(path, into: &json) }
                    }
                }
            }
        }
    }
}
