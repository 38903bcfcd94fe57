#include "crm/embed/bert_config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

namespace crm::embed {

namespace {

//! The JSON document of `path`; nullopt when the file is absent; an Error when it is not JSON.
Result<std::optional<nlohmann::json>> ReadJson(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return std::optional<nlohmann::json>();
  std::ifstream file(path);
  nlohmann::json document = nlohmann::json::parse(file, nullptr, false);
  if (document.is_discarded()) return Error{"'" + path.string() + "' is not valid JSON"};
  return std::optional<nlohmann::json>(std::move(document));
}

//! The positive integer `key` of `config`; an Error naming the file when it is missing or not one.
Result<size_t> PositiveField(const nlohmann::json& config, const char* key, const std::string& file) {
  if (!config.contains(key) || !config[key].is_number_integer() || config[key].get<int64_t>() <= 0) {
    return Error{"'" + file + "' lacks a positive integer '" + key + "'"};
  }
  return config[key].get<size_t>();
}

//! Reads the model's shape from config.json into `config`.
Status ReadModelConfig(const nlohmann::json& json, const std::string& file, BertConfig& config) {
  const std::string model_type = json.value("model_type", "");
  if (model_type != "bert") {
    return Error{"'" + file + "': unsupported architecture '" + model_type + "' (only bert)"};
  }
  const std::string activation = json.value("hidden_act", "gelu");
  if (activation != "gelu") {
    return Error{"'" + file + "': unsupported activation '" + activation + "' (only gelu)"};
  }
  const std::pair<const char*, size_t*> fields[] = {
      {"hidden_size", &config.hidden_size},
      {"num_hidden_layers", &config.num_layers},
      {"num_attention_heads", &config.num_heads},
      {"intermediate_size", &config.intermediate_size},
      {"max_position_embeddings", &config.max_position_embeddings},
      {"type_vocab_size", &config.type_vocab_size},
      {"vocab_size", &config.vocab_size}};
  for (const auto& [key, target] : fields) {
    Result<size_t> value = PositiveField(json, key, file);
    if (!value.ok()) return value.error();
    *target = *value;
  }
  if (config.hidden_size % config.num_heads != 0) {
    return Error{"'" + file + "': hidden_size " + std::to_string(config.hidden_size) +
                 " is not a multiple of num_attention_heads " + std::to_string(config.num_heads)};
  }
  if (json.contains("layer_norm_eps") && json["layer_norm_eps"].is_number()) {
    config.layer_norm_eps = json["layer_norm_eps"].get<float>();
  }
  return Status::Ok();
}

//! Checks that modules.json, when present, pools by the mean of the tokens.
Status CheckPooling(const std::filesystem::path& dir) {
  Result<std::optional<nlohmann::json>> modules = ReadJson(dir / "modules.json");
  if (!modules.ok()) return modules.error();
  if (!modules->has_value()) return Status::Ok();
  for (const nlohmann::json& module : **modules) {
    const std::string type = module.value("type", "");
    if (type.find("Pooling") == std::string::npos) continue;
    const std::filesystem::path file = dir / module.value("path", "1_Pooling") / "config.json";
    Result<std::optional<nlohmann::json>> pooling = ReadJson(file);
    if (!pooling.ok()) return pooling.error();
    if (!pooling->has_value()) return Error{"missing '" + file.string() + "'"};
    if (!(*pooling)->value("pooling_mode_mean_tokens", false)) {
      return Error{"'" + file.string() + "': unsupported pooling (only pooling_mode_mean_tokens)"};
    }
  }
  return Status::Ok();
}

}  // namespace

Result<BertConfig> ReadBertConfig(const std::string& dir) {
  const std::filesystem::path folder(dir);
  const std::filesystem::path config_path = folder / "config.json";
  Result<std::optional<nlohmann::json>> json = ReadJson(config_path);
  if (!json.ok()) return json.error();
  if (!json->has_value()) return Error{"missing '" + config_path.string() + "'"};
  BertConfig config;
  if (Status status = ReadModelConfig(**json, config_path.string(), config); !status.ok()) {
    return status.error();
  }
  config.max_length = config.max_position_embeddings;
  Result<std::optional<nlohmann::json>> tokenizer = ReadJson(folder / "tokenizer_config.json");
  if (!tokenizer.ok()) return tokenizer.error();
  if (tokenizer->has_value()) {
    config.lower_case = (*tokenizer)->value("do_lower_case", true);
    const nlohmann::json& length = (**tokenizer)["model_max_length"];
    if (length.is_number_unsigned()) config.max_length = std::min<size_t>(config.max_length, length);
  }
  Result<std::optional<nlohmann::json>> sentence = ReadJson(folder / "sentence_bert_config.json");
  if (!sentence.ok()) return sentence.error();
  if (sentence->has_value() && (**sentence)["max_seq_length"].is_number_unsigned()) {
    config.max_length = std::min<size_t>(config.max_length, (**sentence)["max_seq_length"]);
  }
  if (config.max_length < 2) return Error{"'" + dir + "': the maximum sequence length is below 2"};
  if (Status status = CheckPooling(folder); !status.ok()) return status.error();
  return config;
}

}  // namespace crm::embed
