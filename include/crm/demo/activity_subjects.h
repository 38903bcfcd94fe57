#pragma once
// Activity types and the short subject lines logged with them.

#include <cstdint>
#include <string>
#include <string_view>

namespace crm::demo {

//! What kind of contact an activity was.
enum class ActivityType : uint8_t { kCall, kEmail, kMeeting, kDemo };

//! The activity_type value written for `type`: call, email, meeting or demo.
std::string_view ActivityTypeName(ActivityType type);

//! Number of subject templates per activity type.
inline constexpr int kSubjectVariants = 3;

//! Sets `out` to subject template `variant` of `type` filled with the product and account names; templates
//! have a wording for deals without an account (empty `account`). Some hold a comma or a quote on purpose.
void ComposeSubject(ActivityType type, int variant, std::string_view product, std::string_view account,
                    std::string& out);

}  // namespace crm::demo
