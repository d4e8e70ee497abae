namespace Steward.Scanning;

/// <summary>The normalised keys the scanner matches known phones and addresses by, for callers that keep
/// such contacts and want to know whether two spellings are one contact.</summary>
public static class ContactKeys
{
    /// <summary>The digits of a phone number (10 for North American numbers, the +1 dropped); -1 when it
    /// has fewer than 7 or more than 15 digits.</summary>
    public static long PhoneKey(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return PhoneParser.KeyOf(phone);
    }

    /// <summary>"number street-words suffix", so "1234 East Ocean Boulevard" and "1234 E. Ocean Blvd." are one key.</summary>
    public static string AddressKey(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return AddressParser.KeyOf(address);
    }
}
