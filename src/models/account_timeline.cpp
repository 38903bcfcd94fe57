#include "crm/models/account_timeline.h"

namespace crm::models {

namespace {

//! True when the row is an event: it names an account and a day.
inline bool Kept(int32_t account, int32_t day) { return account != kNoIndex && day != kNoDay; }

//! An event on its way to its place.
struct Event {
  int32_t account;
  int32_t day;
  int32_t row;
};

//! Turns counts per key (from index 1) into the first position of each key (from index 0).
void StartsFromCounts(std::vector<int32_t>& counts) {
  for (size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
}

//! The kept rows as events in day order (a stable counting sort over the days present), counting the
//! events of each account into `account_counts[account + 1]` on the way.
std::vector<Event> EventsByDay(std::span<const int32_t> accounts, std::span<const int32_t> days,
                               std::vector<int32_t>& account_counts) {
  int32_t first = 0, last = -1;
  for (size_t row = 0; row < days.size(); ++row) {
    if (!Kept(accounts[row], days[row])) continue;
    if (last < first) first = last = days[row];
    first = std::min(first, days[row]);
    last = std::max(last, days[row]);
  }
  if (last < first) return {};
  std::vector<int32_t> starts(static_cast<size_t>(last - first) + 2, 0);
  for (size_t row = 0; row < days.size(); ++row) {
    if (!Kept(accounts[row], days[row])) continue;
    ++starts[static_cast<size_t>(days[row] - first) + 1];
    ++account_counts[static_cast<size_t>(accounts[row]) + 1];
  }
  StartsFromCounts(starts);
  std::vector<Event> events(static_cast<size_t>(starts.back()));
  for (size_t row = 0; row < days.size(); ++row) {
    if (!Kept(accounts[row], days[row])) continue;
    events[static_cast<size_t>(starts[static_cast<size_t>(days[row] - first)]++)] = {
        accounts[row], days[row], static_cast<int32_t>(row)};
  }
  return events;
}

}  // namespace

// Both passes read sequentially and write to one position per day, then per account: no random reads.
AccountTimeline::AccountTimeline(size_t account_count, std::span<const int32_t> accounts,
                                 std::span<const int32_t> days)
    : offsets_(account_count + 1, 0) {
  const std::vector<Event> by_day = EventsByDay(accounts, days, offsets_);
  StartsFromCounts(offsets_);
  days_.resize(by_day.size());
  rows_.resize(by_day.size());
  std::vector<int32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (const Event& event : by_day) {  // stable, so each account's events stay in day order
    const int32_t position = next[static_cast<size_t>(event.account)]++;
    days_[position] = event.day;
    rows_[position] = event.row;
  }
}

}  // namespace crm::models
