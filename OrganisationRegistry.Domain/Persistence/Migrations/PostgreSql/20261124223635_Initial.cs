using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrganisationRegistry.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApplicationDomains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Article = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LegalReference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationDomains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyTypes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PolicyDomains",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyDomains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sequences",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NextValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sequences", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "DomainCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationDomainId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DomainCategories_ApplicationDomains_ApplicationDomainId",
                        column: x => x.ApplicationDomainId,
                        principalTable: "ApplicationDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OvoCode = table.Column<string>(type: "character varying(9)", unicode: false, maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Article = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    KboNumber = table.Column<string>(type: "character varying(10)", unicode: false, maxLength: 10, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    PolicyDomainId = table.Column<Guid>(type: "uuid", nullable: true),
                    SearchText = table.Column<string>(type: "character varying(603)", maxLength: 603, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_PolicyDomains_PolicyDomainId",
                        column: x => x.PolicyDomainId,
                        principalTable: "PolicyDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DomainAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationDomainId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ParentOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Remark = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DomainAssignments_ApplicationDomains_ApplicationDomainId",
                        column: x => x.ApplicationDomainId,
                        principalTable: "ApplicationDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DomainAssignments_DomainCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "DomainCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DomainAssignments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DomainAssignments_Organisations_ParentOrganisationId",
                        column: x => x.ParentOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DomainStewards",
                columns: table => new
                {
                    ApplicationDomainId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainStewards", x => new { x.ApplicationDomainId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_DomainStewards_ApplicationDomains_ApplicationDomainId",
                        column: x => x.ApplicationDomainId,
                        principalTable: "ApplicationDomains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DomainStewards_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationKeys_KeyTypes_KeyTypeId",
                        column: x => x.KeyTypeId,
                        principalTable: "KeyTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrganisationKeys_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationParents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationParents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationParents_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationParents_Organisations_ParentOrganisationId",
                        column: x => x.ParentOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Sequences",
                columns: new[] { "Name", "NextValue" },
                values: new object[] { "ovo-code", 1L });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationDomains_Code",
                table: "ApplicationDomains",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DomainAssignments_ApplicationDomainId_CategoryId_ValidFrom_~",
                table: "DomainAssignments",
                columns: new[] { "ApplicationDomainId", "CategoryId", "ValidFrom", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_DomainAssignments_ApplicationDomainId_ValidFrom_ValidTo",
                table: "DomainAssignments",
                columns: new[] { "ApplicationDomainId", "ValidFrom", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_DomainAssignments_CategoryId",
                table: "DomainAssignments",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_DomainAssignments_OrganisationId_ApplicationDomainId_ValidF~",
                table: "DomainAssignments",
                columns: new[] { "OrganisationId", "ApplicationDomainId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_DomainAssignments_ParentOrganisationId",
                table: "DomainAssignments",
                column: "ParentOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DomainCategories_ApplicationDomainId_Code",
                table: "DomainCategories",
                columns: new[] { "ApplicationDomainId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DomainStewards_OrganisationId",
                table: "DomainStewards",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyTypes_Code",
                table: "KeyTypes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationKeys_KeyTypeId_Value",
                table: "OrganisationKeys",
                columns: new[] { "KeyTypeId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationKeys_OrganisationId",
                table: "OrganisationKeys",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationParents_OrganisationId_ValidFrom",
                table: "OrganisationParents",
                columns: new[] { "OrganisationId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationParents_ParentOrganisationId_ValidFrom",
                table: "OrganisationParents",
                columns: new[] { "ParentOrganisationId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_KboNumber",
                table: "Organisations",
                column: "KboNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_OvoCode",
                table: "Organisations",
                column: "OvoCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_PolicyDomainId",
                table: "Organisations",
                column: "PolicyDomainId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_ValidFrom_ValidTo",
                table: "Organisations",
                columns: new[] { "ValidFrom", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDomains_Code",
                table: "PolicyDomains",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DomainAssignments");

            migrationBuilder.DropTable(
                name: "DomainStewards");

            migrationBuilder.DropTable(
                name: "OrganisationKeys");

            migrationBuilder.DropTable(
                name: "OrganisationParents");

            migrationBuilder.DropTable(
                name: "Sequences");

            migrationBuilder.DropTable(
                name: "DomainCategories");

            migrationBuilder.DropTable(
                name: "KeyTypes");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "ApplicationDomains");

            migrationBuilder.DropTable(
                name: "PolicyDomains");
        }
    }
}
