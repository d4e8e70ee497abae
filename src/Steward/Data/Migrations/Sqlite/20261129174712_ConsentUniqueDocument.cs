using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steward.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsentUniqueDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Consents_StudentId_Kind",
                table: "Consents");

            // The same signed form recorded more than once (a repeated POST, concurrent imports): the latest record
            // stays current and the earlier ones are marked revoked as of when they were recorded, so they stay in
            // the history but no longer count twice.
            migrationBuilder.Sql("""
                UPDATE "Consents" SET "RevokedAt" = "RecordedAt", "RevokedByUserId" = "RecordedByUserId"
                WHERE "RevokedAt" IS NULL AND EXISTS (
                    SELECT 1 FROM "Consents" AS later
                    WHERE later."StudentId" = "Consents"."StudentId" AND later."Kind" = "Consents"."Kind"
                      AND later."DocumentReference" = "Consents"."DocumentReference" AND later."RevokedAt" IS NULL
                      AND later."Id" > "Consents"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Consents_StudentId_Kind_DocumentReference",
                table: "Consents",
                columns: new[] { "StudentId", "Kind", "DocumentReference" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Consents_StudentId_Kind_DocumentReference",
                table: "Consents");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_StudentId_Kind",
                table: "Consents",
                columns: new[] { "StudentId", "Kind" });
        }
    }
}
