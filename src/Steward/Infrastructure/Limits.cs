namespace Steward.Infrastructure;

/// <summary>Field lengths shared by request validation and the database columns.</summary>
public static class Limits
{
    public const int Code = 16;
    public const int Name = 200;
    public const int Email = 256;
    public const int Phone = 40;
    public const int Address = 300;
    public const int Text = 2000;
    public const int Password = 128;
    public const int Url = 500;
}
