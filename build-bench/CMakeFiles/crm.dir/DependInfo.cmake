
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/src/cli/app.cpp" "CMakeFiles/crm.dir/src/cli/app.cpp.o" "gcc" "CMakeFiles/crm.dir/src/cli/app.cpp.o.d"
  "/work/main/src/cli/cli_context.cpp" "CMakeFiles/crm.dir/src/cli/cli_context.cpp.o" "gcc" "CMakeFiles/crm.dir/src/cli/cli_context.cpp.o.d"
  "/work/main/src/cli/demo_data_command.cpp" "CMakeFiles/crm.dir/src/cli/demo_data_command.cpp.o" "gcc" "CMakeFiles/crm.dir/src/cli/demo_data_command.cpp.o.d"
  "/work/main/src/cli/import_command.cpp" "CMakeFiles/crm.dir/src/cli/import_command.cpp.o" "gcc" "CMakeFiles/crm.dir/src/cli/import_command.cpp.o.d"
  "/work/main/src/cli/stats_command.cpp" "CMakeFiles/crm.dir/src/cli/stats_command.cpp.o" "gcc" "CMakeFiles/crm.dir/src/cli/stats_command.cpp.o.d"
  "/work/main/src/common/date.cpp" "CMakeFiles/crm.dir/src/common/date.cpp.o" "gcc" "CMakeFiles/crm.dir/src/common/date.cpp.o.d"
  "/work/main/src/common/progress.cpp" "CMakeFiles/crm.dir/src/common/progress.cpp.o" "gcc" "CMakeFiles/crm.dir/src/common/progress.cpp.o.d"
  "/work/main/src/common/sha256.cpp" "CMakeFiles/crm.dir/src/common/sha256.cpp.o" "gcc" "CMakeFiles/crm.dir/src/common/sha256.cpp.o.d"
  "/work/main/src/common/utf8.cpp" "CMakeFiles/crm.dir/src/common/utf8.cpp.o" "gcc" "CMakeFiles/crm.dir/src/common/utf8.cpp.o.d"
  "/work/main/src/data/dataset.cpp" "CMakeFiles/crm.dir/src/data/dataset.cpp.o" "gcc" "CMakeFiles/crm.dir/src/data/dataset.cpp.o.d"
  "/work/main/src/data/row_index.cpp" "CMakeFiles/crm.dir/src/data/row_index.cpp.o" "gcc" "CMakeFiles/crm.dir/src/data/row_index.cpp.o.d"
  "/work/main/src/data/string_dictionary.cpp" "CMakeFiles/crm.dir/src/data/string_dictionary.cpp.o" "gcc" "CMakeFiles/crm.dir/src/data/string_dictionary.cpp.o.d"
  "/work/main/src/demo/account_names.cpp" "CMakeFiles/crm.dir/src/demo/account_names.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/account_names.cpp.o.d"
  "/work/main/src/demo/accounts.cpp" "CMakeFiles/crm.dir/src/demo/accounts.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/accounts.cpp.o.d"
  "/work/main/src/demo/activity_subjects.cpp" "CMakeFiles/crm.dir/src/demo/activity_subjects.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/activity_subjects.cpp.o.d"
  "/work/main/src/demo/csv_writer.cpp" "CMakeFiles/crm.dir/src/demo/csv_writer.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/csv_writer.cpp.o.d"
  "/work/main/src/demo/deal_generator.cpp" "CMakeFiles/crm.dir/src/demo/deal_generator.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/deal_generator.cpp.o.d"
  "/work/main/src/demo/demo_data.cpp" "CMakeFiles/crm.dir/src/demo/demo_data.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/demo_data.cpp.o.d"
  "/work/main/src/demo/id_permutation.cpp" "CMakeFiles/crm.dir/src/demo/id_permutation.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/id_permutation.cpp.o.d"
  "/work/main/src/demo/reference_tables.cpp" "CMakeFiles/crm.dir/src/demo/reference_tables.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/reference_tables.cpp.o.d"
  "/work/main/src/demo/timeline.cpp" "CMakeFiles/crm.dir/src/demo/timeline.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/timeline.cpp.o.d"
  "/work/main/src/demo/weighted_picker.cpp" "CMakeFiles/crm.dir/src/demo/weighted_picker.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/weighted_picker.cpp.o.d"
  "/work/main/src/demo/win_model.cpp" "CMakeFiles/crm.dir/src/demo/win_model.cpp.o" "gcc" "CMakeFiles/crm.dir/src/demo/win_model.cpp.o.d"
  "/work/main/src/ingest/activity_reader.cpp" "CMakeFiles/crm.dir/src/ingest/activity_reader.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/activity_reader.cpp.o.d"
  "/work/main/src/ingest/column_fixes.cpp" "CMakeFiles/crm.dir/src/ingest/column_fixes.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/column_fixes.cpp.o.d"
  "/work/main/src/ingest/csv_reader.cpp" "CMakeFiles/crm.dir/src/ingest/csv_reader.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/csv_reader.cpp.o.d"
  "/work/main/src/ingest/field_parsers.cpp" "CMakeFiles/crm.dir/src/ingest/field_parsers.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/field_parsers.cpp.o.d"
  "/work/main/src/ingest/import_report.cpp" "CMakeFiles/crm.dir/src/ingest/import_report.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/import_report.cpp.o.d"
  "/work/main/src/ingest/importer.cpp" "CMakeFiles/crm.dir/src/ingest/importer.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/importer.cpp.o.d"
  "/work/main/src/ingest/master_table_readers.cpp" "CMakeFiles/crm.dir/src/ingest/master_table_readers.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/master_table_readers.cpp.o.d"
  "/work/main/src/ingest/outliers.cpp" "CMakeFiles/crm.dir/src/ingest/outliers.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/outliers.cpp.o.d"
  "/work/main/src/ingest/pipeline_reader.cpp" "CMakeFiles/crm.dir/src/ingest/pipeline_reader.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/pipeline_reader.cpp.o.d"
  "/work/main/src/ingest/problem_log.cpp" "CMakeFiles/crm.dir/src/ingest/problem_log.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/problem_log.cpp.o.d"
  "/work/main/src/ingest/reference_resolver.cpp" "CMakeFiles/crm.dir/src/ingest/reference_resolver.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/reference_resolver.cpp.o.d"
  "/work/main/src/ingest/row_fields.cpp" "CMakeFiles/crm.dir/src/ingest/row_fields.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/row_fields.cpp.o.d"
  "/work/main/src/ingest/stage_reader.cpp" "CMakeFiles/crm.dir/src/ingest/stage_reader.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/stage_reader.cpp.o.d"
  "/work/main/src/ingest/table_reader.cpp" "CMakeFiles/crm.dir/src/ingest/table_reader.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/table_reader.cpp.o.d"
  "/work/main/src/ingest/text_cleaning.cpp" "CMakeFiles/crm.dir/src/ingest/text_cleaning.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/text_cleaning.cpp.o.d"
  "/work/main/src/ingest/typo_detector.cpp" "CMakeFiles/crm.dir/src/ingest/typo_detector.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/typo_detector.cpp.o.d"
  "/work/main/src/ingest/vocabulary.cpp" "CMakeFiles/crm.dir/src/ingest/vocabulary.cpp.o" "gcc" "CMakeFiles/crm.dir/src/ingest/vocabulary.cpp.o.d"
  "/work/main/src/report/data_summary.cpp" "CMakeFiles/crm.dir/src/report/data_summary.cpp.o" "gcc" "CMakeFiles/crm.dir/src/report/data_summary.cpp.o.d"
  "/work/main/src/store/bulk_indexes.cpp" "CMakeFiles/crm.dir/src/store/bulk_indexes.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/bulk_indexes.cpp.o.d"
  "/work/main/src/store/dataset_reader.cpp" "CMakeFiles/crm.dir/src/store/dataset_reader.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/dataset_reader.cpp.o.d"
  "/work/main/src/store/dataset_writer.cpp" "CMakeFiles/crm.dir/src/store/dataset_writer.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/dataset_writer.cpp.o.d"
  "/work/main/src/store/default_path.cpp" "CMakeFiles/crm.dir/src/store/default_path.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/default_path.cpp.o.d"
  "/work/main/src/store/import_history.cpp" "CMakeFiles/crm.dir/src/store/import_history.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/import_history.cpp.o.d"
  "/work/main/src/store/import_record.cpp" "CMakeFiles/crm.dir/src/store/import_record.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/import_record.cpp.o.d"
  "/work/main/src/store/migration.cpp" "CMakeFiles/crm.dir/src/store/migration.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/migration.cpp.o.d"
  "/work/main/src/store/schema.cpp" "CMakeFiles/crm.dir/src/store/schema.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/schema.cpp.o.d"
  "/work/main/src/store/sqlite.cpp" "CMakeFiles/crm.dir/src/store/sqlite.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/sqlite.cpp.o.d"
  "/work/main/src/store/store.cpp" "CMakeFiles/crm.dir/src/store/store.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/store.cpp.o.d"
  "/work/main/src/store/table_rows.cpp" "CMakeFiles/crm.dir/src/store/table_rows.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/table_rows.cpp.o.d"
  "/work/main/src/store/timestamp.cpp" "CMakeFiles/crm.dir/src/store/timestamp.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/timestamp.cpp.o.d"
  "/work/main/src/store/write_checks.cpp" "CMakeFiles/crm.dir/src/store/write_checks.cpp.o" "gcc" "CMakeFiles/crm.dir/src/store/write_checks.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
