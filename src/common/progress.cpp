#include "crm/common/progress.h"

#include <unistd.h>

#include <cstdio>

namespace crm {

ProgressBar::ProgressBar(std::string label, uint64_t total, uint64_t min_total)
    : label_(std::move(label)), total_(total), enabled_(total >= min_total && isatty(STDERR_FILENO)) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Draw(uint64_t done, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  constexpr int kWidth = 30;
  const double fraction = total_ == 0 ? 1.0 : static_cast<double>(done > total_ ? total_ : done) / total_;
  const int filled = static_cast<int>(fraction * kWidth);
  std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% %llu/%llu%s%-40s", label_.c_str(), filled,
               "##############################", kWidth - filled, "", static_cast<int>(fraction * 100),
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total_),
               step_.empty() ? "" : " ", step_.c_str());
  std::fflush(stderr);
}

void ProgressBar::Step(uint64_t done, const std::string& step) {
  if (!enabled_) return;
  step_ = step;
  Draw(done, true);
}

void ProgressBar::Finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  step_.clear();
  Draw(total_, true);
  std::fputc('\n', stderr);
}

}  // namespace crm
