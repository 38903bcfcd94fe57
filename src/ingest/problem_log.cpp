#include "crm/ingest/problem_log.h"

namespace crm::ingest {

void ProblemLog::Row(const std::string& file, int64_t line, std::string_view field, std::string message,
                     bool dropped) {
  RowProblem problem{file, line, std::string(field), std::move(message), dropped};
  if (strict_ && !fatal_) {
    problem.dropped = false;
    std::string text = problem.file + ":" + std::to_string(line) + ": ";
    if (!problem.field.empty()) text += problem.field + ": ";
    fatal_ = Error{text + problem.message + " (--strict: import stopped, nothing changed)"};
  }
  if (listed_per_file_[file]++ < kListedProblemsPerFile) {
    report_.problems.push_back(std::move(problem));
  } else {
    ++report_.problems_not_listed;
  }
}

void ProblemLog::Absorb(const ImportReport& part, int64_t line_offset) {
  for (const RowProblem& problem : part.problems) {
    Row(problem.file, problem.line + line_offset, problem.field, problem.message, problem.dropped);
  }
  report_.problems_not_listed += part.problems_not_listed;
}

}  // namespace crm::ingest
