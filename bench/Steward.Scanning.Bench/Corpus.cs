using System.Globalization;
using System.Text;

namespace Steward.Scanning.Bench;

/// <summary>A deterministic (seeded) roster and corpus of realistic school posts for the benchmark.</summary>
internal sealed class Corpus
{
    static readonly string[] FirstNames =
    [
        "Ana", "Ben", "Will", "Grace", "Hope", "Mateo", "Sofia", "Liam", "Olivia", "Noah", "Emma", "Aiden", "Mia", "Lucas",
        "Isabella", "Ethan", "Ava", "Mason", "Harper", "Logan", "Amelia", "Elijah", "Evelyn", "James", "Abigail", "Jackson",
        "Emily", "Sebastian", "Ella", "Carlos", "Aaliyah", "DeShawn", "Priya", "Omar", "Fatima", "Kenji", "Mei", "Bao",
        "Trinh", "Nguyen", "José", "Lucía", "Chloé", "Zoë", "Björn", "Siobhan", "Kai", "Leilani", "Isaiah", "Destiny",
        "Angel", "Joy", "June", "Summer", "Hunter", "Chase", "Mark", "Rose", "Layla", "Amara", "Noor", "Yusuf", "Hiro",
        "Sakura", "Dmitri", "Anya", "Kwame", "Ama", "Tariq", "Leila", "Diego", "Valentina", "Camila", "Mariana", "Gabriel",
    ];

    static readonly string[] LastNames =
    [
        "García", "Lee", "Smith", "Okafor", "Martinez", "Rodríguez", "Petrova", "McCarthy", "Chen", "Begay", "Johnson",
        "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
        "Martin", "Thompson", "White", "Lopez", "Gonzalez", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Perez",
        "Hall", "Young", "Allen", "Sanchez", "Wright", "King", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
        "Ramirez", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker",
        "Collins", "Edwards", "Stewart", "Flores", "Morris", "Nguyen", "Murphy", "Rivera", "Cook", "Rogers", "Morgan",
        "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox", "Diaz", "Richardson",
        "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Cruz", "Hughes", "Price", "Myers", "Long",
        "Foster", "Sanders", "Ross", "Morales", "Powell", "Sullivan", "Russell", "Ortiz", "Jenkins", "Gutierrez", "Perry",
        "Butler", "Barnes", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton",
        "Graham", "Kim", "Gonzales", "Alexander", "Ramos", "Wallace", "Griffin", "West", "Cole", "Hayes", "Chavez",
        "Gibson", "Bryant", "Ellis", "Stevens", "Murray", "Ford", "Marshall", "Owens", "McDonald", "Harrison", "Ruiz",
        "Kennedy", "Wells", "Alvarez", "Woods", "Mendoza", "Castillo", "Olson", "Webb", "Washington", "Tucker", "Freeman",
        "Burns", "Henry", "Vasquez", "Snyder", "Simpson", "Crawford", "Jimenez", "Porter", "Mason", "Shaw", "Gordon",
        "Wagner", "Hunter", "Romero", "Hicks", "Dixon", "Hunt", "Palmer", "Robertson", "Black", "Holmes", "Stone",
        "Meyer", "Boyd", "Mills", "Warren", "Fox", "Rose", "Rice", "Moreno", "Schmidt", "Patel", "Ferguson", "Nichols",
        "Herrera", "Medina", "Ryan", "Fernandez", "Weaver", "Daniels", "Stephens", "Gardner", "Payne", "Kelley", "Dunn",
        "Pierce", "Arnold", "Tran", "Spencer", "Peters", "Hawkins", "Grant", "Hansen", "Castro", "Hoffman", "Hart",
        "Elliott", "Cunningham", "Knight", "Bradley", "O'Brien", "Garcia-Lopez", "St. James", "Núñez", "Watanabe",
        "Nakamura", "Kowalski", "Haddad", "Abdullah", "Nwosu", "Adeyemi", "Eriksson", "Lindqvist", "Dubois", "Rossi",
    ];

    static readonly string[] Sentences =
    [
        "Varsity soccer beat Millikan 3-1 on Friday night in front of a packed home crowd.",
        "Final score 21-14, and what a defensive stand in the fourth quarter!",
        "Band concert tonight at 7 pm in the auditorium; doors open at 6:30.",
        "Picture day is Thursday, 9/18, with retakes scheduled for 10/23.",
        "Reminder: early dismissal Wednesday at 12:35 for professional development.",
        "Our robotics team took second place at regionals and qualified for state.",
        "The PTA cookie dough fundraiser runs through 10/15; thank you for your support.",
        "Lost and found items not claimed by Friday will be donated to a local shelter.",
        "The Board of Education meets Tuesday at 5 pm; public comment is welcome.",
        "Graduation rehearsal is mandatory for all seniors on 6/10 at 8:00 am.",
        "Congratulations to the Class of 2026 on $4.2 million in scholarships!",
        "Girls volleyball swept Lakewood 25-18, 25-20, 25-16 to stay undefeated.",
        "The library will be closed for inventory from 3/2 through 3/6.",
        "Spirit Week starts Monday with Pajama Day and ends Friday with Blue and Gold Day.",
        "Our counselors are available in the wellness center every day from 8 to 4.",
        "Yearbooks are on sale in the student store for $85 until January.",
        "Thank you to the custodial staff for keeping our campus beautiful every day.",
        "Cross country ran personal bests at the Mt. SAC Invitational this weekend.",
        "Parents can find the bus schedule and the new drop-off map on the district site.",
        "The drama club presents Into the Woods March 12-14 at 7:00 in the theater.",
        "Open house is 4/16 from 6 to 8 pm; come see what your student has been learning.",
        "Our Key Club collected 1,204 cans for the food bank this month.",
        "Mock trial finished third in the county after a strong final round.",
        "Heat advisory: all outdoor practices are moved indoors this afternoon.",
        "Please vote in the ASB elections at lunch on Friday in the quad.",
        "The jazz band will play at the Long Beach Jazz Festival on Sunday afternoon.",
        "Kindergarten registration opens 2/1; bring proof of address and immunization records.",
        "Our chess club placed third in the state scholastic championship.",
        "Flu clinic Friday in the nurse's office, free for students with parent permission.",
        "Tonight's JV game is cancelled due to lightning; varsity will start at 6.",
    ];

    static readonly string[] Risky =
    [
        "For a ride, text {0} at (562) 555-{1:0000}.",
        "Questions? Email {2}.{3}@gmail.com or call the office at (562) 555-0100.",
        "Drop donations at {4} E. Ocean Blvd., Apt {5} by noon.",
        "Please vote yes on Measure K this November!",
        "Use promo code BRUINS{5} for 20% off spirit wear.",
        "That call was total sh1t, but we keep our heads up.",
        "{0}'s IEP meeting moved to Tuesday.",
        "Mail checks to PO Box {4}, Long Beach, CA 90801.",
    ];

    public required List<RosterStudent> Roster { get; init; }
    public required List<string> Posts { get; init; }
    public long Utf8Bytes => Posts.Sum(p => (long)Encoding.UTF8.GetByteCount(p));

    public static Corpus Generate(int students = 100_000, long targetBytes = 10L * 1024 * 1024, int seed = 2026)
    {
        var rng = new Random(seed);
        var roster = new List<RosterStudent>(students);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; roster.Count < students; i++)
        {
            // Real rosters repeat given names; family names are many. Synthesize extra family names from syllables.
            var first = FirstNames[rng.Next(FirstNames.Length)];
            var last = rng.Next(3) == 0 ? LastNames[rng.Next(LastNames.Length)] : Syllables(rng);
            if (!seen.Add(first + " " + last) && rng.Next(10) != 0)
                continue;
            roster.Add(new RosterStudent
            {
                StudentId = (30_000_000 + i).ToString(CultureInfo.InvariantCulture),
                FirstName = first,
                LastName = last,
                PreferredName = rng.Next(20) == 0 ? FirstNames[rng.Next(FirstNames.Length)] : null,
                SiteCode = "S" + rng.Next(80).ToString(CultureInfo.InvariantCulture),
                DirectoryOptOut = rng.Next(50) == 0,
                HasCurrentPhotoWithNameConsent = rng.Next(3) != 0,
            });
        }

        var posts = new List<string>();
        long bytes = 0;
        var sb = new StringBuilder();
        while (bytes < targetBytes)
        {
            sb.Clear();
            var target = rng.Next(1536, 2560); // about 2 KB a post
            while (sb.Length < target)
            {
                var roll = rng.Next(100);
                if (roll < 12)
                {
                    var s = roster[rng.Next(roster.Count)];
                    sb.Append("Congrats to ").Append(s.FirstName).Append(' ').Append(s.LastName).Append(" on a great season! ");
                }
                else if (roll < 16)
                {
                    var s = roster[rng.Next(roster.Count)];
                    sb.AppendFormat(CultureInfo.InvariantCulture, Risky[rng.Next(Risky.Length)], s.FirstName + " " + s.LastName,
                        rng.Next(10000), s.FirstName.ToLowerInvariant(), s.LastName.ToLowerInvariant(), rng.Next(100, 9999), rng.Next(1, 40));
                    sb.Append(' ');
                }
                else
                {
                    sb.Append(Sentences[rng.Next(Sentences.Length)]).Append(' ');
                }
            }

            var post = sb.ToString().TrimEnd();
            posts.Add(post);
            bytes += Encoding.UTF8.GetByteCount(post);
        }

        return new Corpus { Roster = roster, Posts = posts };
    }

    static string Syllables(Random rng)
    {
        ReadOnlySpan<string> parts = ["ka", "lo", "mi", "ra", "ten", "van", "der", "son", "berg", "ez", "ski", "ani", "oye",
            "la", "ran", "na", "ko", "wa", "shi", "mo", "ri", "ton", "well", "by", "field", "ley", "ford", "ham"];
        var n = rng.Next(2, 4);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
            sb.Append(parts[rng.Next(parts.Length)]);
        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }
}
