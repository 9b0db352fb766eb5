// --screenshots (private to the audit library): which pages get a full-page picture (those
// whose evidence backs a failed or warned finding, the legal notice, the contact pages), taken
// through the audit's renderer, written beside the report, hashed and archived.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "audit/page_renderer.h"

namespace omnicheck::audit {

// One entry per page shot, for the report's target.screenshots: url, file (as the report names
// it), sha256 of the PNG, taken_at, why (the findings or the page's role), and `error` instead
// of a file when the page could not be shot.
nlohmann::json take_screenshots(const std::vector<rules::Finding>& findings, const extract::FactStore& facts,
                                const std::vector<fetch::Page>& pages, PageRenderer& renderer,
                                fetch::Fetcher& fetcher, const RenderSettings& settings);

}  // namespace omnicheck::audit
