#include "geo/validate/finding.h"

namespace geo {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::info: return "info";
    }
    return "?";
}

const char* to_string(FindingKind kind) {
    switch (kind) {
        case FindingKind::unknown_code: return "unknown_code";
        case FindingKind::unassigned: return "unassigned";
        case FindingKind::left_out: return "left_out";
        case FindingKind::split_parent: return "split_parent";
        case FindingKind::not_contiguous: return "not_contiguous";
        case FindingKind::imbalance: return "imbalance";
        case FindingKind::locked_conflict: return "locked_conflict";
        case FindingKind::empty_unit: return "empty_unit";
        case FindingKind::missing_value: return "missing_value";
        case FindingKind::half_live: return "half_live";
        case FindingKind::gap: return "gap";
    }
    return "?";
}

}  // namespace geo
