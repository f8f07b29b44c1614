namespace BhxhPlatform.DemoData;

/// <summary>
/// Vietnamese names, phones and places for the demo, drawn from a <see cref="Random"/> seeded per unit,
/// so every run writes the same people.
/// </summary>
public static class DemoNames
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Hữu", "Thanh", "Ngọc", "Đức", "Thu", "Quốc", "Kim", "Xuân", "Hoài"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vân", "Yến"];

    /// <summary>A stable seed for a unit (string.GetHashCode changes between processes).</summary>
    public static int Seed(string unit, string purpose)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var seed = 17;
        foreach (var c in unit + "/" + purpose)
        {
            seed = unchecked((seed * 31) + c);
        }

        return seed;
    }

    public static string Person(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return $"{Pick(random, FamilyNames)} {Pick(random, MiddleNames)} {Pick(random, GivenNames)}";
    }

    /// <summary>A mobile number of a Vietnamese network (09x, 03x, 08x), 10 digits.</summary>
    public static string Phone(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var prefix = Pick(random, ["090", "091", "093", "097", "098", "032", "035", "038", "086", "088"]);
        return prefix + random.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(items);
        return items[random.Next(items.Count)];
    }
}
