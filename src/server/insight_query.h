#pragma once
// The query of an insight request, shared by the insight and export routes: the insight type and the
// filters as query parameters named as in FilterRequest.

#include <httplib.h>

#include <string>
#include <vector>

#include "crm/analytics/filters.h"
#include "crm/common/result.h"

namespace crm::server {

//! "a, b, c" of the insight types.
std::string TypeList();
//! True when `type` is an insight type.
bool IsInsightType(const std::string& type);
//! The names of FilterRequest's fields, the query parameters of an insight.
std::vector<std::string> FilterNames();
//! Binds the query parameters to a FilterRequest, skipping those in `reserved` (the route's own); an
//! Error names an unknown or repeated parameter.
Result<analytics::FilterRequest> BindFilters(const httplib::Request& request,
                                             const std::vector<std::string>& reserved = {});

}  // namespace crm::server
