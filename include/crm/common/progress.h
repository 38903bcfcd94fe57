#pragma once
// A progress bar for long-running work: drawn on stderr when it is a terminal, silent otherwise.

#include <chrono>
#include <cstdint>
#include <string>

namespace crm {

//! Draws "label [#####     ] 42% 420000/1000000" on stderr, at most ten times a second.
class ProgressBar {
 public:
  //! A bar for `total` units of work; silent when stderr is not a terminal or total is small.
  ProgressBar(std::string label, uint64_t total, uint64_t min_total = 100000);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  //! Records that `done` units are finished; cheap enough to call per row.
  void Update(uint64_t done) {
    if (enabled_ && (done & 0x3FFF) == 0) Draw(done, false);
  }
  //! Records that `done` of a few long steps are finished, naming the step now running; always drawn.
  void Step(uint64_t done, const std::string& step);
  //! Draws the final state and ends the line.
  void Finish();
  //! True when the bar draws anything.
  bool enabled() const { return enabled_; }

 private:
  void Draw(uint64_t done, bool force);

  std::string label_;
  std::string step_;  //!< shown after the counts, for bars of a few long steps
  uint64_t total_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace crm
