using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Kbo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "KboStoppedOn",
                table: "Organisations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalForm",
                table: "Organisations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameBeforeKbo",
                table: "Organisations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredSeat",
                table: "Organisations",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortNameBeforeKbo",
                table: "Organisations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KboAddresses",
                columns: table => new
                {
                    EntityNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    CountryNL = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CountryFR = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Zipcode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MunicipalityNL = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MunicipalityFR = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StreetNL = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StreetFR = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HouseNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Box = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ExtraAddressInfo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateStrikingOff = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KboAddresses", x => x.EntityNumber);
                });

            migrationBuilder.CreateTable(
                name: "KboCodes",
                columns: table => new
                {
                    Category = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KboCodes", x => new { x.Category, x.Code, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "KboDenominations",
                columns: table => new
                {
                    EntityNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    Type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false),
                    Language = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KboDenominations", x => new { x.EntityNumber, x.Type, x.Language });
                });

            migrationBuilder.CreateTable(
                name: "KboEnterprises",
                columns: table => new
                {
                    Number = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2, nullable: false),
                    JuridicalSituation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: false),
                    TypeOfEnterprise = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    JuridicalForm = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: true),
                    JuridicalFormCac = table.Column<string>(type: "TEXT", unicode: false, maxLength: 3, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KboEnterprises", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "KboImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExtractType = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    ExtractNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    SnapshotDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExtractTimestamp = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Enterprises = table.Column<int>(type: "INTEGER", nullable: false),
                    Denominations = table.Column<int>(type: "INTEGER", nullable: false),
                    Addresses = table.Column<int>(type: "INTEGER", nullable: false),
                    Codes = table.Column<int>(type: "INTEGER", nullable: false),
                    Deleted = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KboImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KboImports_FinishedAt",
                table: "KboImports",
                column: "FinishedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KboAddresses");

            migrationBuilder.DropTable(
                name: "KboCodes");

            migrationBuilder.DropTable(
                name: "KboDenominations");

            migrationBuilder.DropTable(
                name: "KboEnterprises");

            migrationBuilder.DropTable(
                name: "KboImports");

            migrationBuilder.DropColumn(
                name: "KboStoppedOn",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "LegalForm",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "NameBeforeKbo",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RegisteredSeat",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "ShortNameBeforeKbo",
                table: "Organisations");
        }
    }
}
