-- Seeds generated patients for SearchBenchmark: one statement, deterministic after `select setseed(0.42)` in the
-- same session. Names: a realistic mix (German, Turkish, Polish, Spanish, French, Vietnamese, English, Nordic,
-- Arabic ... with their accents), common family names much more frequent than rare ones (60 %, skewed), plus a
-- long tail of 2,000 rarer synthetic family names (40 %, uniform); 15 % have two given names. Birth dates
-- 1930–2023, German mobile numbers. MRNs from the service's sequence with their check digits, computed like
-- MedicalRecordNumber. Parameter: how many patients.
with given(pool) as (select array['Anna','Maria','Emma','Sophie','Mia','Hannah','Lea','Laura','Julia','Sarah','Lena','Katharina','Johanna','Elif','Zeynep','Ayşe','Fatma','Aleksandra','Zofia','Małgorzata','Agnieszka','Lucía','María José','Sofía','Inès','Chloé','Léa','Amélie','Thị Mai','Linh','Mai','Fatima','Aisha','Leila','Olivia','Charlotte','Emily','Grace','Ingrid','Åsa','Björk','Renée','Zoë','Noémie',
  'Lukas','Leon','Jonas','Paul','Felix','Maximilian','Ben','Elias','Noah','Luis','Mehmet','Mustafa','Ahmet','Emre','Jakub','Piotr','Łukasz','Krzysztof','José','Juan','Alejandro','Andrés','Jérôme','François','Benoît','Loïc','Minh','Đức','Huy','Mohammed','Ali','Omar','Youssef','John','James','William','Oliver','Thomas','Søren','Jörg','Jürgen','Björn','Hans-Peter','Karl-Heinz','Jean-Luc','Seán','Niamh','Siobhán','Dmitri','Sergei','Olga']),
family(pool) as (select array['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann','Schäfer','Koch','Bauer','Richter','Klein','Wolf','Schröder','Neumann','Schwarz','Zimmermann','Braun','Krüger','Hofmann','Hartmann','Lange','Schmitt','Werner','Schmitz','Krause','Meier','Lehmann','Schmid','Schulze','Maier','Köhler','Herrmann','König','Walter','Mayer','Huber','Kaiser','Fuchs','Peters','Lang','Scholz','Möller','Weiß','Jung','Hahn','Schubert','Vogel','Friedrich','Keller','Günther','Frank','Berger','Winkler','Roth','Beck','Lorenz','Baumann','Franke','Albrecht','Schuster','Simon','Ludwig','Böhm','Winter','Kraus','Martin','Schumacher','Krämer','Vogt','Stein','Jäger','Otto','Sommer','Groß','Seidel','Heinrich','Brandt','Haas','Schreiber','Graf','Schulte','Dietrich','Ziegler','Kuhn','Kühn','Pohl','Engel','Horn','Busch','Bergmann','Thomas','Voigt','Sauer','Arnold','Wolff','Pfeiffer',
  'Yılmaz','Kaya','Demir','Şahin','Çelik','Yıldız','Yıldırım','Öztürk','Aydın','Özdemir','Arslan','Doğan','Kowalski','Nowak','Wiśniewski','Wójcik','Kowalczyk','Kamiński','Lewandowski','Zieliński','Szymański','Woźniak','García','Rodríguez','González','Fernández','López','Martínez','Sánchez','Pérez','Gómez','Muñoz','Dubois','Lefèvre','Moreau','Laurent','Girard','Rousseau','Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Al-Sayed','El-Amin','Haddad','Khalil','Smith','Johnson','Williams','Brown','Jones','Taylor','Wilson','O''Brien','O''Connor','Murphy','Kelly','Andersson','Johansson','Karlsson','Nielsen','Jensen','Hansen','Ivanov','Petrov','Smirnov','Popescu','Ionescu','Novák','Svoboda','Horváth','Nagy','Kovács','Rossi','Russo','Ferrari','Esposito','Bianchi','Romano','Silva','Santos','Oliveira','Pereira','Costa']),
synth(pool) as (select array_agg(a || b || c order by a, b, c)
  from unnest(array['Ber','Hol','Kra','Lin','Mar','Ost','Ros','Sand','Tal','Wen','Zim','Ar','Bel','Cor','Dal','Fer','Gal','Har','Jan','Kel']) a,
       unnest(array['','o','a','en','er']) b,
       unnest(array['mann','berg','feld','ović','escu','inen','sson','idès','ski','ez','ani','oğlu','ová','stein','haus','ler','wald','ek','ić','ás']) c),
draws as (
  select n, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7
  from generate_series(1, ?) n),
picked as (
  select d.*, nextval('patient_mrn_seq') as seq,
    case when r7 < 0.6 then f.pool[1 + floor(power(r1, 1.6) * array_length(f.pool, 1))::int]
         else s.pool[1 + floor(r1 * array_length(s.pool, 1))::int] end as family_name,
    case when r6 < 0.15 then array[g.pool[1 + floor(r2 * array_length(g.pool, 1))::int], g.pool[1 + floor(r5 * array_length(g.pool, 1))::int]]
         else array[g.pool[1 + floor(r2 * array_length(g.pool, 1))::int]] end as given_names
  from draws d, given g, family f, synth s)
insert into patients (id, mrn, status, family_name, given_names, birth_date, sex, phone, phone_normalised,
                      created_at, created_by, updated_at, updated_by)
select gen_random_uuid(),
       seq::text || lpad((98 - (seq * 100) % 97)::text, 2, '0'),
       'active', family_name, given_names,
       date '1930-01-01' + floor(r3 * 34000)::int,
       case when r4 < 0.49 then 'female' when r4 < 0.98 then 'male' when r4 < 0.99 then 'other' else 'unknown' end,
       '0151 ' || lpad(floor(r5 * 100000000)::bigint::text, 8, '0'),
       '+49151' || lpad(floor(r5 * 100000000)::bigint::text, 8, '0'),
       now(), 'benchmark', now(), 'benchmark'
  from picked
