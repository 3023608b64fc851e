insert into dataset_issue (dataset_id, file, row_number, column_name, value, reason, outcome)
values (:dataset, :file, :row, :column, :value, :reason, :outcome)
