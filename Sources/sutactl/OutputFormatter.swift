#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaController
import SutaModel
import SutaPlan

/// Text and JSON renderings of apply, down and status results.
enum OutputFormatter {
    /// The plan: container, gateway, discovery and model steps with their field changes.
    static func planText(_ outcome: ApplyOutcome) -> String { outcome.plan.text }

    static func summary(_ outcome: ApplyOutcome) -> String {
        if outcome.plan.steps.isEmpty {
            return (["no changes: \(outcome.plan.unchanged.count) services up to date"] + outcome.plan.notes).joined(separator: "\n")
        }
        var counts: [String: Int] = [:]
        var objects = 0
        var integrations: [String: Int] = [:]
        for step in outcome.plan.steps where outcome.execution?.outcomes[step.id] == .succeeded {
            if let dependency = step.action.dependency {
                integrations[dependency, default: 0] += 1
            } else if step.action.service == nil { objects += 1 } else { counts[step.action.verb, default: 0] += 1 }
        }
        let failed = outcome.execution?.failures.count ?? 0
        let skipped = outcome.execution?.outcomes.values.filter { if case .skipped = $0 { true } else { false } }.count ?? 0
        let verbs = [("create", "created"), ("recreate", "recreated"), ("start", "started"), ("remove", "removed")]
        var text = "done in \(seconds(outcome.duration)): containers " + verbs.map { "\(counts[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
        if let updated = counts["update"] { text += ", \(updated) updated in place" }
        if let built = counts["build"] { text += "; \(built) image\(built == 1 ? "" : "s") built" }
        if objects > 0 { text += "; \(objects) network\(objects == 1 ? "" : "s")/volume\(objects == 1 ? "" : "s") changed" }
        let named = [("kong", "gateway"), ("consul", "discovery"), ("ollama", "models")]
        let changedIntegrations = named.compactMap { dependency, name in integrations[dependency].map { "\(name) \($0)" } }
        if !changedIntegrations.isEmpty { text += "; " + changedIntegrations.joined(separator: ", ") + " changed" }
        if failed > 0 || skipped > 0 { text += "; \(failed) failed, \(skipped) skipped" }
        return ([text] + outcome.plan.notes).joined(separator: "\n")
    }

    static func apply(_ outcome: ApplyOutcome, config: ResolvedConfig, engineRequests: Int) -> ConfigValue {
        .object([
            ("project", .string(config.project.name)),
            ("profile", .string(config.profiles.joined(separator: ","))),
            ("changed", .bool(!outcome.plan.steps.isEmpty)),
            ("succeeded", .bool(outcome.succeeded)),
            ("durationSeconds", .double(outcome.duration.inSeconds)),
            ("steps", .array(outcome.plan.steps.map { step in
                let (result, error): (String, String?) = switch outcome.execution?.outcomes[step.id] {
                case nil: ("planned", nil)
                case .succeeded?: ("ok", nil)
                case .failed(let why)?: ("failed", why)
                case .skipped(let why)?: ("skipped", why)
                }
                return .object([
                    ("id", .int(Int64(step.id))), ("after", .array(step.after.map { .int(Int64($0)) })),
                    ("action", .string(step.action.verb)), ("subject", .string(step.action.subject)),
                    ("object", .string(step.action.object)), ("cause", .string(step.cause)),
                    ("changes", .array(step.changes.map(change))),
                    ("result", .string(result)), ("error", error.map(ConfigValue.string) ?? .null),
                ])
            })),
            ("unchanged", .array(outcome.plan.unchanged.map(ConfigValue.string))),
            ("orphans", .array(outcome.plan.orphans.map(ConfigValue.string))),
            ("unknown", .array(outcome.plan.unknown.map(ConfigValue.string))),
            ("notReady", .object(outcome.notReady.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("engineRequests", .int(Int64(engineRequests))),
            ("pending", .array(outcome.plan.pending.map(ConfigValue.string))),
            ("problems", .array(outcome.plan.problems.map(ConfigValue.string))),
        ])
    }

    /// `{path, before, after, secret, inContainer}`: a secret's values are null.
    static func change(_ change: FieldChange) -> ConfigValue {
        .object([
            ("path", .string(change.path)),
            ("before", change.secret ? .null : change.before.map(ConfigValue.string) ?? .null),
            ("after", change.secret ? .null : change.after.map(ConfigValue.string) ?? .null),
            ("secret", .bool(change.secret)), ("inContainer", .bool(change.inContainer)),
        ])
    }

    static func status(_ report: StatusReport) -> ConfigValue {
        .object([
            ("project", .string(report.project)),
            ("profile", .string(report.profile)),
            ("engine", .string(report.engine)),
            ("services", .array(report.services.map { service in
                .object([
                    ("name", .string(service.name)), ("inProfile", .bool(service.inProfile)), ("orphan", .bool(service.orphan)),
                    ("ready", .int(Int64(service.ready))), ("desired", .int(Int64(service.desired))), ("state", .string(service.state)),
                    ("health", .string(service.health)), ("containerId", service.containerID.map(ConfigValue.string) ?? .null),
                    ("ports", .array(service.ports.map(ConfigValue.string))),
                    ("startedAt", service.startedAt.map { .string($0.formatted(.iso8601)) } ?? .null),
                    ("uptimeSeconds", service.startedAt.map { .int(Int64(Date().timeIntervalSince($0))) } ?? .null),
                    ("restarts", .int(Int64(service.restarts))), ("drifted", .bool(service.drifted)),
                    ("driftReason", service.driftReason.map(ConfigValue.string) ?? .null),
                    ("probe", service.probe.map { probe in
                        .object([
                            ("healthy", .bool(probe.consecutiveFailures == 0)),
                            ("lastProbe", .string(probe.lastProbe.formatted(.iso8601))),
                            ("latencyMs", .double((probe.lastLatencyMilliseconds * 10).rounded() / 10)),
                            ("consecutiveFailures", .int(Int64(probe.consecutiveFailures))),
                            ("error", probe.lastError.map(ConfigValue.string) ?? .null),
                        ])
                    } ?? .null),
                    ("crashLooping", .bool(service.supervision?.crashLooping ?? false)),
                    ("supervisorRestarts", .int(Int64(service.supervision?.restarts.count ?? 0))),
                ])
            })),
            ("models", report.models.map { models in
                .array(models.map { model in
                    .object([
                        ("name", .string(model.name)), ("present", .bool(model.present)), ("loaded", .bool(model.loaded)),
                        ("sizeBytes", model.sizeBytes.map(ConfigValue.int) ?? .null), ("preload", .bool(report.preloaded.contains(model.name))),
                    ])
                })
            } ?? .null),
            ("breakers", .array(report.breakers.map(breaker))),
        ])
    }

    static func breaker(_ snapshot: BreakerSnapshot) -> ConfigValue {
        .object([
            ("name", .string(snapshot.name)), ("state", .string(snapshot.state.rawValue)),
            ("calls", .int(Int64(snapshot.calls))), ("failures", .int(Int64(snapshot.failures))),
            ("failureRate", snapshot.failureRate.map(ConfigValue.double) ?? .null),
            ("openedAt", snapshot.openedAt.map { .string($0.formatted(.iso8601)) } ?? .null),
            ("retryAt", snapshot.retryAt.map { .string($0.formatted(.iso8601)) } ?? .null),
        ])
    }

    static func breakerTable(_ snapshots: [BreakerSnapshot]) -> String {
        guard !snapshots.isEmpty else { return "no circuit breakers recorded yet\n" }
        return snapshots.map { snapshot in
            let retry = snapshot.retryAt.map { " until \($0.formatted(.iso8601))" } ?? ""
            return "\(snapshot.name): \(snapshot.state.rawValue)\(retry), \(snapshot.failures) of \(snapshot.calls) recent calls failed"
        }.joined(separator: "\n") + "\n"
    }

    static func statusTable(_ report: StatusReport) -> String {
        var rows = [["SERVICE", "READY", "STATE", "HEALTH", "PROBE", "CONTAINER", "PORTS", "UPTIME", "RESTARTS", "DRIFT"]]
        for service in report.services {
            rows.append([
                service.inProfile ? service.name : service.name + (service.orphan ? " (orphan)" : " (not in profile)"),
                service.inProfile ? "\(service.ready)/\(service.desired)" : "-", service.state, service.health,
                service.probe.map { $0.consecutiveFailures == 0 ? "ok " + DecimalText.fixed($0.lastLatencyMilliseconds, digits: 0) + "ms"
                    : "failing x\($0.consecutiveFailures)" } ?? "-",
                service.containerID ?? "-", service.ports.isEmpty ? "-" : service.ports.joined(separator: ","),
                service.startedAt.map { uptime(Date().timeIntervalSince($0)) } ?? "-", String(service.restarts),
                service.supervision?.crashLooping == true ? "crash-looping" : service.driftReason ?? "-",
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        let body = rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padded(toLength: widths[index] + 2)
            }.joined()
        }
        let healthy = report.services.filter { $0.inProfile && $0.state == "running" && ($0.health == "healthy" || $0.health == "none") }.count
        let active = report.services.filter(\.inProfile).count
        var text = "project: \(report.project)   profile: \(report.profile)   engine: \(report.engine)\n"
            + "\(healthy)/\(active) services running and healthy\n\n" + body.joined(separator: "\n") + "\n"
        if let models = report.models {
            text += "\nmodels:\n" + models.map { model in
                let size = model.sizeBytes.map { " " + DecimalText.fixed(Double($0) / 1_048_576, digits: 0) + " MB" } ?? ""
                return "  \(model.name): \(model.present ? "present" : "missing")\(size)\(model.loaded ? ", loaded" : "")"
            }.joined(separator: "\n") + "\n"
        }
        if !report.breakers.isEmpty {
            text += "\nbreakers:\n" + breakerTable(report.breakers).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }

    static func uptime(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds))
        let (days, hours, minutes, secs) = (total / 86400, total % 86400 / 3600, total % 3600 / 60, total % 60)
        if days > 0 { return "\(days)d\(hours)h" }
        if hours > 0 { return "\(hours)h\(minutes)m" }
        if minutes > 0 { return "\(minutes)m\(secs)s" }
        return "\(secs)s"
    }

    static func seconds(_ duration: Duration) -> String {
        DecimalText.fixed(duration.inSeconds, digits: 1) + "s"
    }
}
