-- Which of the given codes are loaded LSOAs (the rest are reported back as unknown).
select a.code from area a where a.level = 'lsoa' and a.code = any (cast(:codes as text[])) order by a.code
