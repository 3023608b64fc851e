-- After a withdrawal, the newest version still published is current (none: the dataset shows nothing).
update dataset d
set current_version_id = (select v.id from dataset_version v
                          where v.dataset_id = d.id and v.status = 'published'
                          order by v.version desc limit 1)
where d.id = :dataset_id
