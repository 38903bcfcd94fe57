// `crm-assistant writer`: which writer turns facts into text (offline or an LLM), with the key masked.
#include "cli_context.h"

#include <iostream>

#include "crm/llm/llm_config.h"

namespace crm::cli {

Command WriterCommand(const GlobalOptions& options) {
  return {"writer",
          "Show the configured writer (CRM_LLM and .env): offline, Anthropic or OpenAI-compatible",
          {},
          [&options]() -> int {
            const Result<llm::LlmConfig> config = llm::LoadLlmConfigFromEnvironment();
            if (!config.ok()) return Fail(config.error());
            if (options.json) {
              PrintJson(llm::DescribeJson(*config));
            } else {
              std::cout << llm::Describe(*config) << '\n';
            }
            return 0;
          }};
}

}  // namespace crm::cli
