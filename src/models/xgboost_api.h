#pragma once
// The XGBoost C API's return codes as Errors, and its logging kept quiet.

#include <xgboost/c_api.h>

#include <string_view>

#include "crm/common/result.h"

namespace crm::models {

//! Ok when an XGBoost call returned 0, else an Error "<doing>: <first line of XGBoost's message>".
Status CheckXgboost(int code, std::string_view doing);

//! Turns XGBoost's own logging off on the calling thread (XGBoost keeps its global settings per
//! thread); cheap after the first call on a thread.
void SilenceXgboost();

}  // namespace crm::models
