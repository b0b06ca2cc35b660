#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// The controller's counters and gauges, rendered in the Prometheus text format.
public final class ControllerMetrics: Sendable {
    private struct Values {
        var reconciles = 0
        var reconcileFailures = 0
        var reconcileSeconds = 0.0
        var repairs = 0
        var repairSeconds = 0.0
        var lastRepairSeconds = 0.0
        var restarts = 0
        var engineReconnects = 0
        var manifestReloads = 0
        var manifestErrors = 0
        var breakers: [String: String] = [:]
        var health: [String: Bool] = [:]
        var tasks: [String: (desired: Int, running: Int)] = [:]
        var nodes: [String: Bool] = [:]
    }

    private let values = Mutex(Values())

    public init() {}

    public func reconciled(seconds: Double, failed: Bool) {
        values.withLock {
            $0.reconciles += 1
            $0.reconcileSeconds += seconds
            if failed { $0.reconcileFailures += 1 }
        }
    }

    public func repaired(seconds: Double) {
        values.withLock {
            $0.repairs += 1
            $0.repairSeconds += seconds
            $0.lastRepairSeconds = seconds
        }
    }

    public func restarted() { values.withLock { $0.restarts += 1 } }
    public func engineReconnected() { values.withLock { $0.engineReconnects += 1 } }
    public func manifestsReloaded(valid: Bool) { values.withLock { if valid { $0.manifestReloads += 1 } else { $0.manifestErrors += 1 } } }
    public func setBreakers(_ states: [String: String]) { values.withLock { $0.breakers = states } }
    public func setHealth(_ health: [String: Bool]) { values.withLock { $0.health = health } }
    /// Engine mode swarm: each service's desired tasks and tasks running its current spec.
    public func setTasks(_ tasks: [String: (desired: Int, running: Int)]) { values.withLock { $0.tasks = tasks } }
    /// Engine mode swarm: each node (hostname) and whether it is ready.
    public func setNodes(_ nodes: [String: Bool]) { values.withLock { $0.nodes = nodes } }

    /// The Prometheus exposition text.
    public var text: String {
        let v = values.withLock { $0 }
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, Double)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for (labels, value) in samples {
                let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
                lines.append("\(name)\(labels) \(number)")
            }
        }
        metric("sutactl_reconcile_total", "counter", "Reconcile passes run.", [("", Double(v.reconciles))])
        metric("sutactl_reconcile_failures_total", "counter", "Reconcile passes with a failed step.", [("", Double(v.reconcileFailures))])
        metric("sutactl_reconcile_duration_seconds_sum", "counter", "Total time spent reconciling.", [("", v.reconcileSeconds)])
        metric("sutactl_drift_repairs_total", "counter", "Services repaired after an engine event (swarm: after drift).", [("", Double(v.repairs))])
        metric("sutactl_drift_repair_duration_seconds_sum", "counter", "Total time from event to repaired.", [("", v.repairSeconds)])
        metric("sutactl_drift_repair_last_seconds", "gauge", "Time from event to repaired, last repair.", [("", v.lastRepairSeconds)])
        metric("sutactl_supervisor_restarts_total", "counter", "Restarts of supervised services.", [("", Double(v.restarts))])
        metric("sutactl_engine_reconnects_total", "counter", "Times the engine's event stream was lost and re-established.", [("", Double(v.engineReconnects))])
        metric("sutactl_manifest_reloads_total", "counter", "Manifest edits applied.", [("", Double(v.manifestReloads))])
        metric("sutactl_manifest_errors_total", "counter", "Manifest edits rejected as invalid.", [("", Double(v.manifestErrors))])
        metric("sutactl_breaker_open", "gauge", "1 when the dependency's circuit breaker is open, 0.5 half-open, 0 closed.",
               v.breakers.sorted { $0.key < $1.key }.map { ("{name=\"\($0.key)\"}", $0.value == "open" ? 1 : $0.value == "half-open" ? 0.5 : 0) })
        metric("sutactl_service_healthy", "gauge", "1 when the service's containers (swarm: tasks) run and are healthy.",
               v.health.sorted { $0.key < $1.key }.map { ("{service=\"\($0.key)\"}", $0.value ? 1 : 0) })
        if !v.tasks.isEmpty {
            let services = v.tasks.sorted { $0.key < $1.key }
            metric("sutactl_service_desired_tasks", "gauge", "Swarm: the tasks the service should run.",
                   services.map { ("{service=\"\($0.key)\"}", Double($0.value.desired)) })
            metric("sutactl_service_running_tasks", "gauge", "Swarm: the service's tasks running its current spec.",
                   services.map { ("{service=\"\($0.key)\"}", Double($0.value.running)) })
        }
        if !v.nodes.isEmpty {
            metric("sutactl_swarm_node_ready", "gauge", "Swarm: 1 when the node is ready, 0 when down.",
                   v.nodes.sorted { $0.key < $1.key }.map { ("{node=\"\($0.key)\"}", $0.value ? 1 : 0) })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
